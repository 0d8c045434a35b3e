package com.swanstudios.localstack.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One scrape of a service's Prometheus endpoint ({@code /q/metrics}). */
final class Metrics {

    private static final Pattern LE = Pattern.compile("le=\"([^\"]+)\"");

    private final List<String> lines;

    private Metrics(List<String> lines) {
        this.lines = lines;
    }

    static Metrics scrape(HttpClient http, String service) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(service + "/q/metrics"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("GET " + service + "/q/metrics answered " + response.statusCode());
        }
        return new Metrics(response.body().lines().filter(l -> !l.startsWith("#")).toList());
    }

    /** The first series of {@code name} whose labels contain {@code label} (e.g. {@code quantile="0.99"}); NaN if none. */
    double value(String name, String label) {
        for (String line : lines) {
            if (line.startsWith(name + "{") || line.startsWith(name + " ")) {
                String labels = line.startsWith(name + "{") ? line.substring(name.length(), line.lastIndexOf('}') + 1) : "";
                if (label == null || labels.contains(label)) {
                    return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                }
            }
        }
        return Double.NaN;
    }

    /** A histogram's cumulative bucket counts by upper bound (seconds). */
    Map<Double, Double> buckets(String name) {
        Map<Double, Double> buckets = new TreeMap<>();
        for (String line : lines) {
            if (line.startsWith(name + "_bucket{")) {
                Matcher le = LE.matcher(line);
                if (le.find()) {
                    double bound = le.group(1).equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le.group(1));
                    buckets.merge(bound, Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)), Double::sum);
                }
            }
        }
        return buckets;
    }

    /**
     * The {@code q} quantile (0..1) of what a histogram recorded between two scrapes, as the upper bound of
     * the bucket it falls in, in milliseconds (an overestimate by at most one bucket's width).
     */
    static double quantileBetween(Map<Double, Double> before, Map<Double, Double> after, double q) {
        double total = after.getOrDefault(Double.POSITIVE_INFINITY, 0.0) - before.getOrDefault(Double.POSITIVE_INFINITY, 0.0);
        if (total <= 0) {
            return Double.NaN;
        }
        for (Map.Entry<Double, Double> bucket : after.entrySet()) {
            double count = bucket.getValue() - before.getOrDefault(bucket.getKey(), 0.0);
            if (count >= q * total) {
                return bucket.getKey() * 1000;
            }
        }
        return Double.POSITIVE_INFINITY;
    }
}
