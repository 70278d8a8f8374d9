package com.commcredits.web.api;

import com.commcredits.shared.ValidationException;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonReaderFactory;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyReader;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Map;

/**
 * Reads the JSON-P bodies the resources take, so that a body of the wrong shape is the client's
 * mistake (400 with a field message) and not the runtime's: Liberty's own reader answers 500 for
 * JSON nested deeper than the parser allows, and an array where an operation takes an object fails
 * in argument injection, also as a 500. An empty body stays null, for the resource to refuse.
 */
@Provider
@Consumes(MediaType.APPLICATION_JSON)
public class JsonBodyReader implements MessageBodyReader<JsonValue> {
  /**
   * One factory for every body: {@code Json.createReader} looks the JSON-P provider up through the
   * service loader on each call, some 5 % of an authorisation's CPU.
   */
  private static final JsonReaderFactory READERS = Json.createReaderFactory(Map.of());

  @Override
  public boolean isReadable(
      Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
    return type == JsonObject.class || type == JsonStructure.class || type == JsonValue.class;
  }

  @Override
  public JsonValue readFrom(
      Class<JsonValue> type,
      Type genericType,
      Annotation[] annotations,
      MediaType mediaType,
      MultivaluedMap<String, String> httpHeaders,
      InputStream entityStream)
      throws IOException {
    PushbackInputStream in = new PushbackInputStream(entityStream, 1);
    int first = in.read();
    if (first < 0) {
      return null;
    }
    in.unread(first);
    JsonValue value;
    try (JsonReader reader = READERS.createReader(in)) {
      value = reader.readValue();
    } catch (RuntimeException | StackOverflowError e) {
      // JsonException, and Parsson's plain RuntimeException for input nested too deeply
      throw ValidationException.of("body", "The request body is not valid JSON.");
    }
    Class<?> wanted = type;
    if (wanted == JsonObject.class && !(value instanceof JsonObject)) {
      throw ValidationException.of("body", "Send a JSON object.");
    }
    if (wanted == JsonStructure.class && !(value instanceof JsonStructure)) {
      throw ValidationException.of("body", "Send a JSON object or array.");
    }
    return value;
  }
}
