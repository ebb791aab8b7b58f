package dev.fastffi.benchmarks.report;

import dev.fastffi.benchmarks.coldstart.ColdStart;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * The bench profile's entry point: runs JMH through its Runner API with the command-line options
 * given, then the cold-start measurement, then writes {@code results/}: {@code jmh.json},
 * {@code report.md}, {@code ratios.svg}, and the ratio table into the README between its markers.
 *
 * <p>System properties: {@code bench.results} (the directory), {@code bench.coldstart.runs} (0 skips
 * cold start), {@code bench.jmh} ({@code false} skips JMH).
 */
public final class BenchMain {
    static final String TABLE_BEGIN = "<!-- results:begin -->";
    static final String TABLE_END = "<!-- results:end -->";

    /**
     * Every fork's heap, fixed and touched before the first iteration. A heap that grows while a
     * case allocates measures the kernel's first touch of the new pages, not the code: on a
     * virtual machine that zeroes pages slowly, an allocating case ({@code invoke}, COMPAT) swung
     * between 19 and 800 ns/op from one iteration to the next without it. Flags given with
     * {@code -jvmArgsAppend} come later and win.
     */
    static final List<String> FORK_HEAP = List.of("-Xms1g", "-Xmx1g", "-XX:+AlwaysPreTouch");

    private BenchMain() {}

    public static void main(String[] args) throws Exception {
        CommandLineOptions cli = new CommandLineOptions(args);
        if (cli.shouldHelp()) {
            cli.showHelp();
            return;
        }
        if (cli.shouldList()) {
            new Runner(cli).list();
            return;
        }
        Path results = Path.of(System.getProperty("bench.results", "results")).toAbsolutePath();
        Files.createDirectories(results);
        Collection<RunResult> runs = Boolean.parseBoolean(System.getProperty("bench.jmh", "true"))
                ? new Runner(withJson(cli, results)).run()
                : List.of();
        int coldRuns = Integer.getInteger("bench.coldstart.runs", 21);
        List<ColdStart.Result> coldStart = coldRuns > 0 ? ColdStart.measure(coldRuns) : List.of();
        write(results, Results.of(runs), coldStart, Machine.current(runs), String.join(" ", args));
    }

    private static Options withJson(CommandLineOptions cli, Path results) {
        List<String> prepend = new ArrayList<>(FORK_HEAP);
        prepend.addAll(cli.getJvmArgsPrepend().orElse(List.of()));
        return new OptionsBuilder().parent(cli)
                .jvmArgsPrepend(prepend.toArray(String[]::new))
                .resultFormat(ResultFormatType.JSON)
                .result(results.resolve("jmh.json").toString())
                .build();
    }

    private static void write(Path dir, Results results, List<ColdStart.Result> coldStart, Machine machine,
            String options) throws IOException {
        String date = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'"));
        Files.writeString(dir.resolve("report.md"), MarkdownReport.of(results, coldStart, machine, options, date));
        if (!results.all().isEmpty()) {
            Files.writeString(dir.resolve("ratios.svg"), RatioChart.svg(results));
            updateReadme(dir.resolveSibling("README.md"), MarkdownReport.matrixOnly(results),
                    date + ", " + machine.jdk() + ", " + machine.cpu() + ", JMH `" + options + "`");
        }
        System.out.println("fastffi benchmarks: wrote " + dir.resolve("report.md"));
    }

    /** Replaces the README's table between its markers, so that it always shows the latest run. */
    private static void updateReadme(Path readme, String table, String conditions) throws IOException {
        if (!Files.exists(readme)) {
            return;
        }
        String text = Files.readString(readme);
        int begin = text.indexOf(TABLE_BEGIN);
        int end = text.indexOf(TABLE_END);
        if (begin < 0 || end < begin) {
            return;
        }
        String latest = TABLE_BEGIN + "\n_" + conditions + "_\n\n" + table;
        Files.writeString(readme, text.substring(0, begin) + latest + text.substring(end));
    }
}
