package com.swanstudios.platform.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Reads one of the catalog's classpath resources; a missing or unreadable one is a build defect, said by name. */
final class CatalogResource {

    interface Reader<T> {
        T read(InputStream in) throws IOException;
    }

    private CatalogResource() {
    }

    static <T> T read(String resource, Reader<T> reader) {
        try (InputStream in = CatalogResource.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            return reader.read(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + resource, e);
        }
    }
}
