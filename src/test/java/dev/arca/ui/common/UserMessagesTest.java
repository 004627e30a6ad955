package dev.arca.ui.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

class UserMessagesTest {

    @Test
    void messagesBecomeCapitalisedSentences() {
        assertThat(UserMessages.describe(new IllegalStateException("data directory /x is in use")))
                .isEqualTo("Data directory /x is in use.");
    }

    @Test
    void wrappersAreLookedThrough() {
        Throwable wrapped = new ExecutionException(new CompletionException(new IllegalArgumentException("bad name")));

        assertThat(UserMessages.describe(wrapped)).isEqualTo("Bad name.");
    }

    @Test
    void connectionFailuresReadAsAdvice() {
        assertThat(UserMessages.describe(new ConnectException())).startsWith("The service could not be reached.");
    }

    @Test
    void failuresWithoutAMessageStillSaySomething() {
        assertThat(UserMessages.describe(new NullPointerException())).isEqualTo("Something went wrong (NullPointerException).");
    }
}
