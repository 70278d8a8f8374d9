package com.commcredits.rating;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.commcredits.shared.FieldError;
import com.commcredits.shared.ValidationException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A call record checks itself (R-RATE-3, R-RATE-6), with one set of messages naming the field. */
class FinishedCallTest {
  private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
  private static final Instant HOUR_AGO = NOW.minus(Duration.ofHours(1));

  private static FinishedCall call(Instant start, Instant end, Long seconds) {
    return new FinishedCall(
        "c1",
        "OUTBOUND",
        "adele@contoso.example",
        null,
        "+14255550100",
        "+442079460000",
        start.toString(),
        end.toString(),
        seconds,
        NOW);
  }

  private static List<String> fields(Runnable build) {
    return assertThrows(ValidationException.class, build::run).errors().stream()
        .map(FieldError::field)
        .toList();
  }

  @Test
  void R_RATE_6_a_call_in_bounds_is_built_with_its_values() {
    FinishedCall c = call(HOUR_AGO, HOUR_AGO.plusSeconds(61), 60L);
    assertEquals("c1", c.callId());
    assertEquals(CallKind.OUTBOUND, c.kind());
    assertEquals("GB", c.to().country());
    assertEquals(60, c.durationSeconds());
    assertNull(c.call().tollFreeNumber());
    call(NOW.minus(Duration.ofDays(400)), NOW.minus(Duration.ofDays(400)), 0L);
    call(NOW, NOW.plus(Duration.ofMinutes(5)), 300L);
    call(NOW.minus(Duration.ofHours(49)), NOW.minus(Duration.ofHours(1)), 48 * 3600L);
  }

  @Test
  void R_RATE_6_end_before_start_names_end() {
    assertEquals(List.of("end"), fields(() -> call(HOUR_AGO, HOUR_AGO.minusSeconds(1), 0L)));
  }

  @Test
  void R_RATE_6_a_start_older_than_400_days_names_start() {
    Instant old = NOW.minus(Duration.ofDays(400)).minusSeconds(1);
    assertEquals(List.of("start"), fields(() -> call(old, old.plusSeconds(60), 60L)));
  }

  @Test
  void R_RATE_6_an_end_more_than_5_minutes_ahead_names_end() {
    Instant late = NOW.plus(Duration.ofMinutes(5)).plusSeconds(1);
    assertEquals(List.of("end"), fields(() -> call(late.minusSeconds(60), late, 60L)));
  }

  @Test
  void R_RATE_6_durations_beyond_48_hours_or_off_by_more_than_2_seconds_name_durationSeconds() {
    Instant start = NOW.minus(Duration.ofHours(50));
    assertEquals(
        List.of("durationSeconds"),
        fields(() -> call(start, start.plus(Duration.ofHours(49)), 49 * 3600L)));
    assertEquals(
        List.of("durationSeconds"),
        fields(() -> call(HOUR_AGO, HOUR_AGO.plusSeconds(60), Long.MAX_VALUE)));
    assertEquals(
        List.of("durationSeconds"), fields(() -> call(HOUR_AGO, HOUR_AGO.plusSeconds(60), -1L)));
    assertEquals(
        List.of("durationSeconds"), fields(() -> call(HOUR_AGO, HOUR_AGO.plusSeconds(60), null)));
    assertEquals(
        List.of("durationSeconds"), fields(() -> call(HOUR_AGO, HOUR_AGO.plusSeconds(60), 65L)));
    assertEquals(
        List.of("durationSeconds"), fields(() -> call(HOUR_AGO, HOUR_AGO.plusSeconds(60), 57L)));
    call(HOUR_AGO, HOUR_AGO.plusSeconds(60), 58L);
    call(HOUR_AGO, HOUR_AGO.plusSeconds(60), 62L);
  }

  @Test
  void R_RATE_3_every_bad_field_is_named_at_once() {
    List<String> fields =
        fields(
            () ->
                new FinishedCall(
                    " ", "FAX", null, null, "4255550100", "+1 425", "yesterday", null, 60L, NOW));
    assertEquals(List.of("callId", "kind", "from", "to", "start", "end"), fields);
  }

  @Test
  void R_RATE_3_outbound_needs_a_user_and_toll_free_inbound_its_number() {
    assertEquals(
        List.of("userUpn"),
        fields(() -> new CallRequest("c", "OUTBOUND", " ", null, "+14255550100", "+14255550101")));
    assertEquals(
        List.of("tollFreeNumber"),
        fields(
            () ->
                new CallRequest(
                    "c", "TOLL_FREE_INBOUND", "a@b.c", "0800", "+14255550100", "+18005550199")));
    CallRequest tollFree =
        new CallRequest(
            "c", "TOLL_FREE_INBOUND", "a@b.c", "+18005550199", "+14255550100", "+18005550199");
    assertNull(tollFree.userUpn(), "a toll-free call is nobody's in particular");
    assertEquals(
        List.of("callId"),
        fields(
            () ->
                new CallRequest(
                    "x".repeat(101), "OUTBOUND", "a@b.c", null, "+14255550100", "+14255550101")));
  }

  @Test
  void R_RATE_3_an_unreadable_record_answers_each_field_with_its_message() {
    ValidationException refused =
        assertThrows(
            ValidationException.class,
            () ->
                new FinishedCall(
                    "c1",
                    "OUTBOUND",
                    "a@b.c",
                    null,
                    "+14255550100",
                    "not-a-number",
                    HOUR_AGO.toString(),
                    HOUR_AGO.plusSeconds(60).toString(),
                    60L,
                    NOW));
    PostedCall.Unreadable read = new PostedCall.Unreadable("c1", refused.errors());
    assertEquals("to: 'to' must be an E.164 number such as +14255550100.", read.error());
  }
}
