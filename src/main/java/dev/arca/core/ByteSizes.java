package dev.arca.core;

import java.util.Locale;

/** Byte counts as people read them: 0 B, 512 B, 12.4 KB, 3.1 GB (decimal units, as the AWS console shows). */
public final class ByteSizes {

    private static final String[] UNITS = {"B", "KB", "MB", "GB", "TB", "PB"};

    private ByteSizes() {
    }

    public static String format(long bytes) {
        if (bytes < 0) {
            return "—";
        }
        if (bytes < 1000) {
            return bytes + " B";
        }
        double value = bytes;
        int unit = 0;
        while (value >= 1000 && unit < UNITS.length - 1) {
            value /= 1000;
            unit++;
        }
        return String.format(Locale.ROOT, value < 10 ? "%.1f %s" : "%.0f %s", value, UNITS[unit]);
    }
}
