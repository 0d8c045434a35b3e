package com.swanstudios.localstack.bench;

import java.util.ArrayList;
import java.util.List;

/** The benchmark's one table, in Markdown: figure, measured, target, verdict. */
final class Report {

    private final String title;
    private final List<String[]> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    Report(String title) {
        this.title = title;
    }

    void section(String name) {
        rows.add(new String[] {"**" + name + "**", "", "", ""});
    }

    void row(String figure, String measured) {
        rows.add(new String[] {figure, measured, "", ""});
    }

    void target(String figure, String measured, String target, boolean met) {
        rows.add(new String[] {figure, measured, target, met ? "PASS" : "MISS"});
    }

    void note(String note) {
        notes.add(note);
    }

    String markdown() {
        return "### " + title + "\n\n" + table();
    }

    /** The rows and notes alone, without the title. */
    String table() {
        StringBuilder out = new StringBuilder("| figure | measured | target | verdict |\n|---|---|---|---|\n");
        for (String[] row : rows) {
            out.append("| ").append(String.join(" | ", row)).append(" |\n");
        }
        if (!notes.isEmpty()) {
            out.append('\n');
            notes.forEach(n -> out.append("- ").append(n).append('\n'));
        }
        return out.toString();
    }

    static String count(long n) {
        return String.format("%,d", n);
    }
}
