package dev.arca.core;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A Maven version, ordered the way Maven orders versions (its ComparableVersion rules), which is what
 * {@code <latest>} and {@code <release>} in repository metadata follow. A version is split into numbers and
 * qualifiers at dots, hyphens and digit/letter transitions; numbers compare numerically, and well-known
 * qualifiers rank {@code alpha < beta < milestone < rc < snapshot < (release) < sp}, unknown ones after them
 * alphabetically, case ignored. A hyphen binds weaker than a dot: {@code 1.0-1 < 1.0.1}. Trailing zeros and
 * release qualifiers do not count: {@code 1 = 1.0 = 1.0.0 = 1-ga = 1-final}.
 */
public final class MavenVersion implements Comparable<MavenVersion> {

    private static final List<String> QUALIFIERS = List.of("alpha", "beta", "milestone", "rc", "snapshot", "", "sp");
    private static final Map<String, String> ALIASES = Map.of("ga", "", "final", "", "release", "", "cr", "rc");
    private static final String RELEASE = String.valueOf(QUALIFIERS.indexOf(""));

    private final String text;
    private final ListItem items;

    private MavenVersion(String text) {
        this.text = text;
        this.items = parse(text.toLowerCase(Locale.ROOT));
    }

    public static MavenVersion of(String text) {
        return new MavenVersion(Objects.requireNonNull(text));
    }

    /** The version as it was written. */
    public String text() {
        return text;
    }

    /** Whether this is a development version: {@code 1.0-SNAPSHOT}. */
    public boolean isSnapshot() {
        return text.endsWith("-SNAPSHOT");
    }

    @Override
    public int compareTo(MavenVersion other) {
        return items.compareTo(other.items);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MavenVersion version && compareTo(version) == 0;
    }

    @Override
    public int hashCode() {
        return items.canonical().hashCode();
    }

    @Override
    public String toString() {
        return text;
    }

    private static ListItem parse(String version) {
        ListItem root = new ListItem();
        ListItem list = root;
        Deque<ListItem> stack = new ArrayDeque<>();
        stack.push(list);
        boolean digits = false;
        int start = 0;
        for (int i = 0; i < version.length(); i++) {
            char c = version.charAt(i);
            if (c == '.' || c == '-') {
                list.add(i == start ? IntItem.ZERO : item(digits, version.substring(start, i)));
                start = i + 1;
                if (c == '-') {
                    list = sublist(list, stack);
                }
            } else if (Character.isDigit(c)) {
                if (!digits && i > start) {
                    list = qualifierList(list, stack);
                    list.add(new StringItem(version.substring(start, i), true));
                    start = i;
                    list = sublist(list, stack);
                }
                digits = true;
            } else {
                if (digits && i > start) {
                    list.add(item(true, version.substring(start, i)));
                    start = i;
                    list = sublist(list, stack);
                }
                digits = false;
            }
        }
        if (version.length() > start) {
            if (!digits) {
                list = qualifierList(list, stack);
            }
            list.add(item(digits, version.substring(start)));
        }
        while (!stack.isEmpty()) {
            stack.pop().normalize();
        }
        return root;
    }

    /** A qualifier after a dot counts like one after a hyphen: {@code 1.0.0.X1 < 1.0.0-X2}. */
    private static ListItem qualifierList(ListItem list, Deque<ListItem> stack) {
        return list.isEmpty() ? list : sublist(list, stack);
    }

    private static ListItem sublist(ListItem parent, Deque<ListItem> stack) {
        ListItem child = new ListItem();
        parent.add(child);
        stack.push(child);
        return child;
    }

    private static Item item(boolean digits, String text) {
        return digits ? new IntItem(new BigInteger(text)) : new StringItem(text, false);
    }

    /** One component of a parsed version; {@code null} stands for a missing component (padding). */
    private sealed interface Item permits IntItem, StringItem, ListItem {
        int compareTo(Item other);

        boolean isNull();

        String canonical();
    }

    private record IntItem(BigInteger value) implements Item {
        static final IntItem ZERO = new IntItem(BigInteger.ZERO);

        @Override
        public int compareTo(Item other) {
            return switch (other) {
                case null -> value.signum() == 0 ? 0 : 1;
                case IntItem number -> value.compareTo(number.value);
                case StringItem _, ListItem _ -> 1;
            };
        }

        @Override
        public boolean isNull() {
            return value.signum() == 0;
        }

        @Override
        public String canonical() {
            return value.toString();
        }
    }

    private record StringItem(String value) implements Item {
        StringItem(String value, boolean followedByDigit) {
            this(alias(value, followedByDigit));
        }

        private static String alias(String value, boolean followedByDigit) {
            String expanded = followedByDigit && value.length() == 1 ? switch (value.charAt(0)) {
                case 'a' -> "alpha";
                case 'b' -> "beta";
                case 'm' -> "milestone";
                default -> value;
            } : value;
            return ALIASES.getOrDefault(expanded, expanded);
        }

        /** Known qualifiers by rank; unknown ones after all of them, alphabetically. */
        private static String rank(String qualifier) {
            int index = QUALIFIERS.indexOf(qualifier);
            return index < 0 ? QUALIFIERS.size() + "-" + qualifier : String.valueOf(index);
        }

        @Override
        public int compareTo(Item other) {
            return switch (other) {
                case null -> rank(value).compareTo(RELEASE);
                case StringItem text -> rank(value).compareTo(rank(text.value));
                case IntItem _, ListItem _ -> -1;
            };
        }

        @Override
        public boolean isNull() {
            return value.isEmpty();
        }

        @Override
        public String canonical() {
            return value;
        }
    }

    private static final class ListItem extends ArrayList<Item> implements Item {

        /** Drops trailing null components (0, release qualifiers, empty lists) that do not change the order. */
        void normalize() {
            for (int i = size() - 1; i >= 0; i--) {
                Item last = get(i);
                if (last.isNull()) {
                    remove(i);
                } else if (!(last instanceof ListItem)) {
                    break;
                }
            }
        }

        @Override
        public int compareTo(Item other) {
            return switch (other) {
                case null -> isEmpty() ? 0 : getFirst().compareTo(null);
                case IntItem _ -> -1;
                case StringItem _ -> 1;
                case ListItem list -> compareItems(list);
            };
        }

        private int compareItems(ListItem other) {
            Iterator<Item> left = iterator();
            Iterator<Item> right = other.iterator();
            while (left.hasNext() || right.hasNext()) {
                Item l = left.hasNext() ? left.next() : null;
                Item r = right.hasNext() ? right.next() : null;
                int result = l == null ? (r == null ? 0 : -r.compareTo(null)) : l.compareTo(r);
                if (result != 0) {
                    return result;
                }
            }
            return 0;
        }

        @Override
        public boolean isNull() {
            return isEmpty();
        }

        @Override
        public String canonical() {
            StringBuilder out = new StringBuilder("[");
            forEach(item -> out.append(item.canonical()).append(';'));
            return out.append(']').toString();
        }
    }
}
