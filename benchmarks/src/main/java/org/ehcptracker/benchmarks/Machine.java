package org.ehcptracker.benchmarks;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** The machine a benchmark ran on, for the first line of its output: the load average matters on a shared host. */
final class Machine {

    private Machine() {
    }

    static String describe() {
        var os = ManagementFactory.getOperatingSystemMXBean();
        return String.format(Locale.ROOT, "%s %s, %d cores, Java %s, load average %s", os.getName(), os.getVersion(),
                os.getAvailableProcessors(), System.getProperty("java.version"), loadAverage());
    }

    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (Exception e) {
            return String.format(Locale.ROOT, "%.1f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }
}
