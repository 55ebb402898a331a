package org.salesinsights.platform.openapi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

/**
 * Makes the generated OpenAPI document say what the annotations mean, on any server.
 *
 * <p>Payara's generator fills every schema with defaults that change its meaning ({@code maxProperties: 0} says an
 * object may have no properties) or only add noise ({@code nullable: false}), writes a list of records as an
 * array with properties instead of items, and inlines named schemas. This filter removes the filler, turns such
 * arrays into arrays of their named item schema, types date-times as strings and refers to named schemas by
 * {@code $ref}. A document without these faults (WildFly's) keeps its schemas as they are. On every server the
 * servers entry becomes relative (see {@link #filterOpenAPI}), the document becomes the public one (see
 * {@link #publicOnly}), and schemas nothing refers to any more are dropped.
 */
public class OpenApiCleanup implements OASFilter {

    private static final String COMPONENT_PREFIX = "#/components/schemas/";
    /** The curators' API: not part of the public document. */
    static final String ADMIN_PATH = "/api/admin/";
    /** The feed API, for the partner's applications (docs/feeds.md): not the connector's either. */
    static final String FEED_PATH = "/api/feed/";

    /**
     * The filler comes from Payara's MicroProfile OpenAPI 3.x model; a 4.x model (WildFly) has none of it, and
     * some of the getters used here changed their types in 4.0, so this filter leaves such a model alone.
     */
    private static final boolean OPENAPI_3_MODEL = hasBooleanExclusiveMaximum();

    private static boolean hasBooleanExclusiveMaximum() {
        try {
            return Schema.class.getMethod("getExclusiveMaximum").getReturnType() == Boolean.class;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        // The servers the generators list are the server's own listeners (http://localhost:8080/), wrong behind
        // a proxy. A relative server URL resolves against wherever the document was fetched from: through the
        // proxy, the public scheme and host. A deployer may still name one with mp.openapi.servers.
        if (ConfigProvider.getConfig().getOptionalValue("mp.openapi.servers", String.class).isEmpty()) {
            openAPI.setServers(new ArrayList<>(List.of(OASFactory.createServer().url("/")
                    .description("The host this document was fetched from."))));
        }
        publicOnly(openAPI);
        if (OPENAPI_3_MODEL) {
            cleanSchemas(openAPI);
        }
        try {
            removeUnused(openAPI);
        } catch (LinkageError otherModel) {
            // a model whose getters differ (MicroProfile OpenAPI 4): unused schemas stay, harmless
        }
    }

    private static void cleanSchemas(OpenAPI openAPI) {
        Map<String, Schema> named = openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null
                ? Map.of() : openAPI.getComponents().getSchemas();
        Set<Schema> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        named.values().forEach(schema -> clean(schema, named, seen));
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().values().forEach(path -> path.getOperations().values().forEach(op -> {
            if (Boolean.FALSE.equals(op.getDeprecated())) {
                op.setDeprecated(null);
            }
            if (op.getParameters() != null) {
                for (Parameter parameter : op.getParameters()) {
                    removeFiller(parameter);
                    if (parameter.getSchema() != null) {
                        clean(parameter.getSchema(), named, seen);
                    }
                }
            }
            if (op.getResponses() != null && op.getResponses().getAPIResponses() != null) {
                op.getResponses().getAPIResponses().values().forEach(response -> {
                    if (response.getContent() != null && response.getContent().getMediaTypes() != null) {
                        for (MediaType media : response.getContent().getMediaTypes().values()) {
                            media.setSchema(referenced(media.getSchema(), named, seen));
                        }
                    }
                });
            }
        }));
    }

    /**
     * The public document describes what anonymous readers may know of: the connector's operations. The curators'
     * API (under {@value #ADMIN_PATH}) and the feed API (under {@value #FEED_PATH}) are left out, with their tags
     * and the schemas only they use; curators get the whole document from the admin API
     * ({@code AdminDocumentResource}). Operations that take no body (GET, DELETE, HEAD) lose the request body some
     * generators invent for their context parameters.
     */
    static void publicOnly(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (String path : List.copyOf(openAPI.getPaths().getPathItems().keySet())) {
            if (path.contains(ADMIN_PATH) || path.contains(FEED_PATH)) {
                openAPI.getPaths().removePathItem(path);
            }
        }
        Set<String> tags = new java.util.HashSet<>();
        openAPI.getPaths().getPathItems().values().forEach(item -> {
            for (PathItem.HttpMethod method : List.of(PathItem.HttpMethod.GET, PathItem.HttpMethod.DELETE,
                    PathItem.HttpMethod.HEAD)) {
                Operation operation = item.getOperations().get(method);
                if (operation != null) {
                    operation.setRequestBody(null);
                }
            }
            item.getOperations().values().forEach(operation -> {
                if (operation.getTags() != null) {
                    tags.addAll(operation.getTags());
                }
            });
        });
        if (openAPI.getTags() != null) {
            openAPI.setTags(new ArrayList<>(openAPI.getTags().stream().filter(tag -> tags.contains(tag.getName()))
                    .toList()));
        }
        withoutEndpointList(openAPI);
    }

    /**
     * Payara adds a top-level {@code endpoints} to its document: every endpoint of the application, admin ones
     * included, and a key OpenAPI does not have (linters call the document invalid for it). The standard model cannot
     * reach it; its model class has a public {@code setEndpoints}, called here by name, so that no Payara class is
     * needed to build or run this on another server (where there is no such method and nothing happens).
     */
    private static void withoutEndpointList(OpenAPI openAPI) {
        try {
            openAPI.getClass().getMethod("setEndpoints", Map.class).invoke(openAPI, new LinkedHashMap<>());
        } catch (ReflectiveOperationException | RuntimeException noSuchList) {
            // not Payara's model: it has no such list
        }
    }

    /** Removes the component schemas that nothing left in the document refers to. */
    private static void removeUnused(OpenAPI openAPI) {
        if (openAPI.getComponents() == null || openAPI.getComponents().getSchemas() == null) {
            return;
        }
        Map<String, Schema> named = openAPI.getComponents().getSchemas();
        Set<String> used = new java.util.HashSet<>();
        java.util.Deque<Schema> work = new java.util.LinkedList<>(); // takes the nulls of absent parts
        openAPI.getPaths().getPathItems().values().forEach(item -> item.getOperations().values().forEach(op -> {
            if (op.getParameters() != null) {
                op.getParameters().forEach(p -> work.add(p.getSchema()));
            }
            if (op.getRequestBody() != null && op.getRequestBody().getContent() != null
                    && op.getRequestBody().getContent().getMediaTypes() != null) {
                op.getRequestBody().getContent().getMediaTypes().values().forEach(m -> work.add(m.getSchema()));
            }
            if (op.getResponses() != null && op.getResponses().getAPIResponses() != null) {
                op.getResponses().getAPIResponses().values().forEach(r -> {
                    if (r.getContent() != null && r.getContent().getMediaTypes() != null) {
                        r.getContent().getMediaTypes().values().forEach(m -> work.add(m.getSchema()));
                    }
                });
            }
        }));
        Set<Schema> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        while (!work.isEmpty()) {
            Schema schema = work.pop();
            if (schema == null || !seen.add(schema)) {
                continue;
            }
            if (schema.getRef() != null) {
                String name = schema.getRef().substring(schema.getRef().lastIndexOf('/') + 1);
                if (used.add(name) && named.get(name) != null) {
                    work.add(named.get(name));
                }
            }
            if (schema.getProperties() != null) {
                work.addAll(schema.getProperties().values().stream().filter(Objects::nonNull).toList());
            }
            work.add(schema.getItems());
            work.add(schema.getAdditionalPropertiesSchema());
            work.add(schema.getNot());
            for (List<Schema> list : java.util.Arrays.asList(schema.getAllOf(), schema.getAnyOf(),
                    schema.getOneOf())) {
                if (list != null) {
                    work.addAll(list.stream().filter(Objects::nonNull).toList());
                }
            }
        }
        for (String name : List.copyOf(named.keySet())) {
            if (!used.contains(name)) {
                openAPI.getComponents().removeSchema(name);
            }
        }
    }

    /** The schema itself, or a $ref to the named schema it repeats inline. */
    private static Schema referenced(Schema schema, Map<String, Schema> named, Set<Schema> seen) {
        if (schema == null || schema.getRef() != null || schema.getType() == Schema.SchemaType.ARRAY) {
            clean(schema, named, seen);
            return schema;
        }
        String name = nameOfSameShape(schema, named);
        if (name != null) {
            return OASFactory.createSchema().ref(COMPONENT_PREFIX + name);
        }
        clean(schema, named, seen);
        return schema;
    }

    private static void clean(Schema schema, Map<String, Schema> named, Set<Schema> seen) {
        if (schema == null || !seen.add(schema)) {
            return;
        }
        removeFiller(schema);
        if ("date-time".equals(schema.getFormat())) {
            schema.setType(Schema.SchemaType.STRING);
        }
        if (schema.getType() == Schema.SchemaType.ARRAY && schema.getProperties() != null) {
            // the item's properties written on the array (beside its items, or instead of them): an array has none
            Schema item = schema.getItems() != null ? schema.getItems() : OASFactory.createSchema()
                    .type(Schema.SchemaType.OBJECT).properties(new LinkedHashMap<>(schema.getProperties()))
                    .required(schema.getRequired() == null ? null : new ArrayList<>(schema.getRequired()));
            schema.setProperties(null);
            schema.setRequired(null);
            schema.setItems(referenced(item, named, seen));
        }
        if (schema.getItems() != null) {
            schema.setItems(referenced(schema.getItems(), named, seen));
        }
        if (schema.getProperties() != null) {
            Map<String, Schema> properties = new LinkedHashMap<>(); // the generator's map may be unmodifiable
            schema.getProperties().forEach((key, property) -> properties.put(key, referenced(property, named, seen)));
            schema.setProperties(properties);
        }
        if (schema.getAdditionalPropertiesSchema() != null) {
            clean(schema.getAdditionalPropertiesSchema(), named, seen);
        }
    }

    /**
     * The name of the one component schema of the same shape (the same properties, the same required ones, and the
     * same required ones in each property or its items), or null. Two pages of insights have the same property names
     * and differ only in which insight fields they require: a match on names alone took one for the other.
     */
    private static String nameOfSameShape(Schema schema, Map<String, Schema> named) {
        if (schema.getProperties() == null || schema.getProperties().isEmpty()) {
            return null;
        }
        String found = null;
        for (Map.Entry<String, Schema> entry : named.entrySet()) {
            Schema candidate = entry.getValue();
            if (candidate != schema && sameShape(schema, candidate, named)) {
                if (found != null) {
                    return null; // ambiguous: inline is right, a guess may not be
                }
                found = entry.getKey();
            }
        }
        return found;
    }

    private static boolean sameShape(Schema a, Schema b, Map<String, Schema> named) {
        if (a.getProperties() == null || b.getProperties() == null
                || !a.getProperties().keySet().equals(b.getProperties().keySet())
                || !required(a, named).equals(required(b, named))) {
            return false;
        }
        for (Map.Entry<String, Schema> property : a.getProperties().entrySet()) {
            if (!required(property.getValue(), named).equals(required(b.getProperties().get(property.getKey()), named))) {
                return false;
            }
        }
        return true;
    }

    /** The required properties of a schema, of the schema it refers to, or of its items. */
    private static Set<String> required(Schema schema, Map<String, Schema> named) {
        for (int depth = 0; schema != null && depth < 4; depth++) {
            if (schema.getRef() != null) {
                schema = named.get(schema.getRef().substring(schema.getRef().lastIndexOf('/') + 1));
            } else if (schema.getRequired() != null && !schema.getRequired().isEmpty()) {
                return Set.copyOf(schema.getRequired());
            } else if (schema.getItems() != null) {
                schema = schema.getItems();
            } else {
                return Set.of();
            }
        }
        return Set.of();
    }

    private static void removeFiller(Parameter parameter) {
        if (Boolean.FALSE.equals(parameter.getDeprecated())) {
            parameter.setDeprecated(null);
        }
        if (Boolean.FALSE.equals(parameter.getAllowEmptyValue())) {
            parameter.setAllowEmptyValue(null);
        }
        if (Boolean.FALSE.equals(parameter.getAllowReserved())) {
            parameter.setAllowReserved(null);
        }
    }

    private static void removeFiller(Schema schema) {
        if (Objects.equals(schema.getMinLength(), 0)) {
            schema.setMinLength(null);
        }
        if (Objects.equals(schema.getMaxProperties(), 0)) {
            schema.setMaxProperties(null);
        }
        if (Objects.equals(schema.getMinProperties(), 0)) {
            schema.setMinProperties(null);
        }
        if (Boolean.FALSE.equals(schema.getExclusiveMaximum())) {
            schema.setExclusiveMaximum(null);
        }
        if (Boolean.FALSE.equals(schema.getExclusiveMinimum())) {
            schema.setExclusiveMinimum(null);
        }
        if (Boolean.FALSE.equals(schema.getUniqueItems())) {
            schema.setUniqueItems(null);
        }
        if (Boolean.FALSE.equals(schema.getNullable())) {
            schema.setNullable(null);
        }
        if (Boolean.FALSE.equals(schema.getReadOnly())) {
            schema.setReadOnly(null);
        }
        if (Boolean.FALSE.equals(schema.getWriteOnly())) {
            schema.setWriteOnly(null);
        }
        if (Boolean.FALSE.equals(schema.getDeprecated())) {
            schema.setDeprecated(null);
        }
    }
}
