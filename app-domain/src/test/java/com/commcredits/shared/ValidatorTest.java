package com.commcredits.shared;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A form shows every problem at once, one message per field (R-SEC-2). */
class ValidatorTest {
  @Test
  void R_SEC_2_errors_of_several_fields_are_collected_and_thrown_together() {
    Validator validator =
        new Validator()
            .check(false, "name", "Name is required.")
            .check(true, "email", "never shown")
            .check(false, "roles", "Choose at least one role.");
    assertTrue(validator.hasErrors());

    ValidationException e = assertThrows(ValidationException.class, validator::throwIfInvalid);
    assertEquals(
        List.of(
            new FieldError("name", "Name is required."),
            new FieldError("roles", "Choose at least one role.")),
        e.errors());
    assertEquals("Name is required.", e.getMessage(), "the first error is the exception's message");
  }

  @Test
  void R_SEC_2_a_field_gets_only_its_first_error() {
    ValidationException e =
        assertThrows(
            ValidationException.class,
            () ->
                new Validator()
                    .check(false, "amount", "Enter an amount.")
                    .check(false, "amount", "The amount is too small.")
                    .throwIfInvalid());
    assertEquals(List.of(new FieldError("amount", "Enter an amount.")), e.errors());
  }

  @Test
  void R_SEC_2_valid_input_throws_nothing() {
    Validator validator =
        new Validator().check(true, "name", "x").required("Adele", "name", "Name", 10);
    assertFalse(validator.hasErrors());
    assertDoesNotThrow(validator::throwIfInvalid);
  }

  @Test
  void R_SEC_2_a_required_field_must_be_present_and_not_too_long() {
    assertEquals(
        "Name is required.", firstError(new Validator().required(null, "name", "Name", 5)));
    assertEquals(
        "Name is required.", firstError(new Validator().required("  ", "name", "Name", 5)));
    assertEquals(
        "Name must be at most 5 characters.",
        firstError(new Validator().required("Adele Vance", "name", "Name", 5)));
    assertFalse(
        new Validator().required("  Adele  ", "name", "Name", 5).hasErrors(),
        "surrounding blanks are free");
  }

  @Test
  void R_SEC_2_the_errors_a_validation_exception_holds_cannot_be_changed() {
    ValidationException e = ValidationException.of("file", "Choose a file.");
    assertEquals(List.of(new FieldError("file", "Choose a file.")), e.errors());
    assertThrows(
        UnsupportedOperationException.class, () -> e.errors().add(new FieldError("x", "y")));
  }

  private static String firstError(Validator validator) {
    return assertThrows(ValidationException.class, validator::throwIfInvalid)
        .errors()
        .get(0)
        .message();
  }
}
