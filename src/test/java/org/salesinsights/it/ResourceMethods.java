package org.salesinsights.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import jakarta.ws.rs.HttpMethod;

/**
 * Every resource method of the application, found by reflection in its compiled classes (every class under
 * org.salesinsights with JAX-RS's {@code @Path}), so that a resource added later is covered without a list to keep.
 * The classes are read, never run.
 */
record ResourceMethods(String httpMethod, String path, String resource) {

    private static final String PACKAGE = "org/salesinsights/";

    /** The API's path of this method, relative to the server's root, path parameters filled with {@code sample}. */
    String uriPath(String sample) {
        return "api/" + path.replaceAll("\\{[^}]+}", sample);
    }

    /** Whether the path has a path parameter. */
    boolean hasParameter() {
        return path.contains("{");
    }

    static List<ResourceMethods> all() {
        Path classes;
        try {
            classes = Path.of(org.salesinsights.InsightsApplication.class.getProtectionDomain().getCodeSource()
                    .getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        List<ResourceMethods> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes.resolve(PACKAGE))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
                String name = classes.relativize(file).toString().replace(file.getFileSystem().getSeparator(), ".");
                Class<?> type = Class.forName(name.substring(0, name.length() - ".class".length()), false,
                        ResourceMethods.class.getClassLoader());
                jakarta.ws.rs.Path root = type.getAnnotation(jakarta.ws.rs.Path.class);
                if (root == null) {
                    continue;
                }
                for (Method method : type.getMethods()) {
                    String verb = httpMethod(method);
                    if (verb == null) {
                        continue;
                    }
                    jakarta.ws.rs.Path sub = method.getAnnotation(jakarta.ws.rs.Path.class);
                    found.add(new ResourceMethods(verb, join(root.value(), sub == null ? "" : sub.value()),
                            type.getSimpleName() + "." + method.getName()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
        found.sort(Comparator.comparing(ResourceMethods::path).thenComparing(ResourceMethods::httpMethod));
        return found;
    }

    private static String httpMethod(Method method) {
        for (Annotation annotation : method.getAnnotations()) {
            HttpMethod verb = annotation.annotationType().getAnnotation(HttpMethod.class);
            if (verb != null) {
                return verb.value();
            }
        }
        return null;
    }

    private static String join(String root, String sub) {
        String path = (strip(root) + "/" + strip(sub));
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    private static String strip(String part) {
        String path = part.startsWith("/") ? part.substring(1) : part;
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
