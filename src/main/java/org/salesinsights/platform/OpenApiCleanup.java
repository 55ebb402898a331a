package org.salesinsights.platform;

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
 * servers entry becomes relative (see {@link #filterOpenAPI}).
 */
public class OpenApiCleanup implements OASFilter {

    private static final String COMPONENT_PREFIX = "#/components/schemas/";

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
        if (!OPENAPI_3_MODEL) {
            return;
        }
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
        if (schema.getType() == Schema.SchemaType.ARRAY && schema.getItems() == null && schema.getProperties() != null) {
            Schema item = OASFactory.createSchema().type(Schema.SchemaType.OBJECT)
                    .properties(new LinkedHashMap<>(schema.getProperties()))
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

    /** The name of a component schema with the same properties, or null. */
    private static String nameOfSameShape(Schema schema, Map<String, Schema> named) {
        if (schema.getProperties() == null || schema.getProperties().isEmpty()) {
            return null;
        }
        for (Map.Entry<String, Schema> entry : named.entrySet()) {
            Schema candidate = entry.getValue();
            if (candidate != schema && candidate.getProperties() != null
                    && candidate.getProperties().keySet().equals(schema.getProperties().keySet())) {
                return entry.getKey();
            }
        }
        return null;
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
