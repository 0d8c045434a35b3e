package com.swanstudios.localstack.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** What the figures were measured on: CPUs, Java, load; and how busy the CPUs were over a stretch (Linux). */
public final class Machine {

    private Machine() {
    }

    public static String describe() {
        String cpu = read("/proc/cpuinfo").lines().filter(l -> l.startsWith("model name")).findFirst()
                .map(l -> l.substring(l.indexOf(':') + 1).strip()).orElse("unknown CPU");
        return String.format("%d CPUs (%s), Java %s (%s), %s %s", Runtime.getRuntime().availableProcessors(), cpu,
                System.getProperty("java.runtime.version"), System.getProperty("java.vm.name"), System.getProperty("os.name"),
                System.getProperty("os.version"));
    }

    /** The 1, 5 and 15-minute load averages. */
    static String loadAverage() {
        String[] fields = read("/proc/loadavg").split("\\s+");
        return fields.length < 3 ? "unknown" : fields[0] + " " + fields[1] + " " + fields[2];
    }

    /** Cumulative CPU time, busy and total, in clock ticks (all CPUs). */
    record CpuTicks(long busy, long total) {

        static CpuTicks now() {
            String line = read("/proc/stat").lines().filter(l -> l.startsWith("cpu ")).findFirst().orElse("");
            String[] f = line.trim().split("\\s+");
            if (f.length < 8) {
                return new CpuTicks(0, 0);
            }
            long total = 0;
            for (int i = 1; i < Math.min(f.length, 9); i++) { // user nice system idle iowait irq softirq steal
                total += Long.parseLong(f[i]);
            }
            long idle = Long.parseLong(f[4]) + Long.parseLong(f[5]);
            return new CpuTicks(total - idle, total);
        }

        /** Share of all CPUs busy since {@code earlier}, as "87%". */
        String busySince(CpuTicks earlier) {
            long total = this.total - earlier.total;
            return total <= 0 ? "n/a" : Math.round(100.0 * (busy - earlier.busy) / total) + "%";
        }
    }

    /**
     * CPU time per application (Linux {@code /proc/<pid>/stat}, clock ticks of 1/100 s): the launcher (which
     * runs the embedded Kafka broker) as "launcher+kafka", the services by name, and the PostgreSQL server
     * (pg_ctl detaches it from the launcher; found by its data directory) with all its backends as "postgres".
     */
    record ProcessCpu(Map<String, Long> ticks, long nanos) {

        static ProcessCpu now(ProcessHandle launcher, Path postgresData) {
            Map<String, Long> ticks = new TreeMap<>();
            ticks.merge("benchmark", ticks(ProcessHandle.current().pid()), Long::sum);
            ticks.merge("launcher+kafka", ticks(launcher.pid()), Long::sum);
            launcher.descendants().filter(p -> !name(p).equals("postgres")).forEach(p -> ticks.merge(name(p), ticks(p.pid()), Long::sum));
            ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("").contains(postgresData.toString()))
                    .filter(p -> !p.info().commandLine().orElse("").contains("-jar"))
                    .flatMap(p -> Stream.concat(Stream.of(p), p.descendants())).distinct()
                    .forEach(p -> ticks.merge("postgres", ticks(p.pid()), Long::sum));
            return new ProcessCpu(ticks, System.nanoTime());
        }

        /** "user-service 95%, postgres 40%, ..." in percent of one core since {@code earlier}, busiest first. */
        String since(ProcessCpu earlier) {
            double seconds = (nanos - earlier.nanos) / 1e9;
            return ticks.entrySet().stream()
                    .map(e -> Map.entry(e.getKey(), (e.getValue() - earlier.ticks.getOrDefault(e.getKey(), 0L)) / seconds))
                    .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                    .map(e -> String.format("%s %.0f%%", e.getKey(), e.getValue()))
                    .collect(Collectors.joining(", "));
        }

        private static String name(ProcessHandle process) {
            String command = process.info().commandLine().orElse("");
            int jar = command.indexOf("/target/quarkus-app/quarkus-run.jar");
            if (jar > 0) {
                return command.substring(command.lastIndexOf('/', jar - 1) + 1, jar);
            }
            return command.contains("postgres") ? "postgres" : "other";
        }

        private static long ticks(long pid) {
            String stat = read("/proc/" + pid + "/stat");
            if (stat.lastIndexOf(')') < 0) {
                return 0; // gone, or not Linux
            }
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return f.length > 12 ? Long.parseLong(f[11]) + Long.parseLong(f[12]) : 0; // utime, stime
        }
    }

    /** Resident memory (KiB) of each application the launcher started, by name (Linux {@code /proc/<pid>/status}). */
    public static Map<String, Long> residentKib(ProcessHandle launcher) {
        Map<String, Long> rss = new TreeMap<>();
        launcher.descendants().filter(p -> !ProcessCpu.name(p).equals("postgres") && !ProcessCpu.name(p).equals("other"))
                .forEach(p -> read("/proc/" + p.pid() + "/status").lines().filter(l -> l.startsWith("VmRSS:")).findFirst()
                        .ifPresent(l -> rss.put(ProcessCpu.name(p), Long.parseLong(l.replaceAll("[^0-9]", "")))));
        return rss;
    }

    private static String read(String file) {
        try {
            return Files.readString(Path.of(file));
        } catch (IOException e) {
            return "";
        }
    }

    static List<String> jvmFlags() {
        return BenchStack.JVM.flags();
    }
}
