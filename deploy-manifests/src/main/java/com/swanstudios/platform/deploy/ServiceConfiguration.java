package com.swanstudios.platform.deploy;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a service's own configuration says about it, read from the source tree as the service will read it:
 * service-kit's defaults, then the service's {@code application.properties} over them. The manifests are held
 * to it: the port they route to and the topics they grant must be the ones the code listens on.
 *
 * @param port         {@code swan.http.port}
 * @param subscriptions each incoming channel's topic, by channel name
 * @param groups        each incoming channel's consumer group, by channel name, with {@code ${...}} expressions
 *                      left as written
 */
public record ServiceConfiguration(String service, int port, Map<String, String> subscriptions, Map<String, String> groups) {

    static final Path KIT_DEFAULTS = Path.of("service-kit", "src", "main", "resources", "META-INF", "microprofile-config.properties");
    private static final Pattern INCOMING = Pattern.compile("mp\\.messaging\\.incoming\\.([^.]+)\\.(topic|group\\.id)");

    /** The service's configuration in the repository rooted at {@code root}. */
    public static ServiceConfiguration read(Path root, String service) {
        Properties effective = new Properties();
        load(effective, root.resolve(KIT_DEFAULTS));
        load(effective, root.resolve(service).resolve(Path.of("src", "main", "resources", "application.properties")));
        return of(service, effective);
    }

    /** The facts of a configuration given as properties (kit defaults already applied). */
    public static ServiceConfiguration of(String service, Properties effective) {
        Map<String, String> topics = new TreeMap<>();
        Map<String, String> groups = new TreeMap<>();
        for (String key : effective.stringPropertyNames()) {
            Matcher m = INCOMING.matcher(key);
            if (m.matches()) {
                (m.group(2).equals("topic") ? topics : groups).put(m.group(1), effective.getProperty(key).strip());
            }
        }
        String port = effective.getProperty("swan.http.port");
        if (port == null) {
            throw new IllegalStateException(service + " sets no swan.http.port");
        }
        return new ServiceConfiguration(service, Integer.parseInt(port.strip()), topics, groups);
    }

    /** The topics the service consumes, whichever channel reads them. */
    public Set<String> consumedTopics() {
        return new TreeSet<>(subscriptions.values());
    }

    /**
     * A channel's consumer group as it will be at run time: {@code ${quarkus.application.name}} is the service's
     * name (and the group of a channel that sets none, as Quarkus names it), any other expression ({@code ${quarkus.uuid}}, per replica) stays a wildcard suffix.
     */
    public String group(String channel) {
        return groups.getOrDefault(channel, service).replace("${quarkus.application.name}", service);
    }

    private static void load(Properties into, Path file) {
        try (Reader in = Files.newBufferedReader(file)) {
            into.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
