package org.salesinsights.insights.boundary;

import java.util.Map;

import jakarta.json.bind.serializer.JsonbSerializer;
import jakarta.json.bind.serializer.SerializationContext;
import jakarta.json.stream.JsonGenerator;

/**
 * Writes the citation card's properties as one flat JSON object of strings in the curated order (the map's
 * iteration order), independent of how a JSON-B implementation would order a map.
 */
public class OrderedPropertiesSerializer implements JsonbSerializer<Map<String, String>> {

    @Override
    public void serialize(Map<String, String> properties, JsonGenerator generator, SerializationContext context) {
        generator.writeStartObject();
        properties.forEach(generator::write);
        generator.writeEnd();
    }
}
