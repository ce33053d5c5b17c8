package org.tiptrace.app.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.tiptrace.account.Agency;
import org.tiptrace.app.web.ApiEndpoint;

/**
 * {@code /api/v1/admin}: the users of the caller's agency (ADMINISTER) and the agencies
 * (MANAGE_AGENCIES). Bodies are JSON objects; a request naming a user first finds that user in the
 * caller's agency (404 otherwise) and only then reads its body. Errors name the field.
 *
 * <pre>
 * GET  /api/v1/admin/users                       the agency's users
 * POST /api/v1/admin/users                       {"username","roles":[…],"password"?}: 201, a
 *                                                generated password is in the answer once
 * GET  /api/v1/admin/users/{username}
 * PUT  /api/v1/admin/users/{username}/roles      {"roles":[…]}
 * POST /api/v1/admin/users/{username}/disable | enable | totp-reset
 * POST /api/v1/admin/users/{username}/password   {"password"?}: set, or generate (answered once)
 * GET  /api/v1/admin/agencies                    every agency
 * POST /api/v1/admin/agencies                    {"code","name"}: 201
 * PUT  /api/v1/admin/agencies/{code}             {"name"}: rename (the code never changes)
 * </pre>
 */
@RestController
class AdminApiController implements ApiEndpoint {
  private final AccountAdmin admin;
  private final ObjectMapper json;

  AdminApiController(AccountAdmin admin, ObjectMapper json) {
    this.admin = admin;
    this.json = json;
  }

  @GetMapping(value = "/api/v1/admin/users", produces = MediaType.APPLICATION_JSON_VALUE)
  List<AccountAdmin.UserView> users() {
    return admin.users();
  }

  @PostMapping(value = "/api/v1/admin/users", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<AccountAdmin.Outcome> create(
      @RequestBody(required = false) @Nullable String body) {
    JsonNode o = object(body);
    AccountAdmin.Outcome created =
        admin.create(
            requiredText(o, "username"),
            roles(o),
            optionalText(o, "password"),
            optionalText(o, "agency"));
    return ResponseEntity.status(HttpStatus.CREATED)
        .location(URI.create("/api/v1/admin/users/" + created.user().username()))
        .body(created);
  }

  @GetMapping(value = "/api/v1/admin/users/{username}", produces = MediaType.APPLICATION_JSON_VALUE)
  AccountAdmin.UserView user(@PathVariable String username) {
    return admin.user(username);
  }

  @PutMapping(
      value = "/api/v1/admin/users/{username}/roles",
      produces = MediaType.APPLICATION_JSON_VALUE)
  AccountAdmin.UserView roles(
      @PathVariable String username, @RequestBody(required = false) @Nullable String body) {
    admin.own(username); // scope before the body
    return admin.setRoles(username, roles(object(body)));
  }

  @PostMapping(
      value = "/api/v1/admin/users/{username}/disable",
      produces = MediaType.APPLICATION_JSON_VALUE)
  AccountAdmin.UserView disable(@PathVariable String username) {
    return admin.setEnabled(username, false);
  }

  @PostMapping(
      value = "/api/v1/admin/users/{username}/enable",
      produces = MediaType.APPLICATION_JSON_VALUE)
  AccountAdmin.UserView enable(@PathVariable String username) {
    return admin.setEnabled(username, true);
  }

  @PostMapping(
      value = "/api/v1/admin/users/{username}/totp-reset",
      produces = MediaType.APPLICATION_JSON_VALUE)
  AccountAdmin.UserView totpReset(@PathVariable String username) {
    return admin.resetTotp(username);
  }

  @PostMapping(
      value = "/api/v1/admin/users/{username}/password",
      produces = MediaType.APPLICATION_JSON_VALUE)
  AccountAdmin.Outcome password(
      @PathVariable String username, @RequestBody(required = false) @Nullable String body) {
    admin.own(username); // scope before the body
    Optional<String> password =
        body == null || body.isBlank() ? Optional.empty() : optionalText(object(body), "password");
    return admin.resetPassword(username, password);
  }

  @GetMapping(value = "/api/v1/admin/agencies", produces = MediaType.APPLICATION_JSON_VALUE)
  List<AccountAdmin.AgencyView> agencies() {
    return admin.agencies();
  }

  @PostMapping(value = "/api/v1/admin/agencies", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<AccountAdmin.AgencyView> createAgency(
      @RequestBody(required = false) @Nullable String body) {
    JsonNode o = object(body);
    AccountAdmin.AgencyView created =
        admin.createAgency(requiredText(o, "code"), requiredText(o, "name"));
    return ResponseEntity.status(HttpStatus.CREATED)
        .location(URI.create("/api/v1/admin/agencies/" + created.code()))
        .body(created);
  }

  @PutMapping(value = "/api/v1/admin/agencies/{code}", produces = MediaType.APPLICATION_JSON_VALUE)
  AccountAdmin.AgencyView renameAgency(
      @PathVariable String code, @RequestBody(required = false) @Nullable String body) {
    Agency agency = admin.agency(code); // 404 before the body
    return admin.renameAgency(agency, requiredText(object(body), "name"));
  }

  private JsonNode object(@Nullable String body) {
    if (body == null || body.isBlank()) {
      throw AccountAdmin.bad("body: a JSON object is required");
    }
    JsonNode node;
    try {
      node = json.readTree(body);
    } catch (JsonProcessingException e) {
      throw AccountAdmin.bad(
          "body: not JSON at line "
              + (e.getLocation() == null ? "?" : e.getLocation().getLineNr())
              + ", column "
              + (e.getLocation() == null ? "?" : e.getLocation().getColumnNr())
              + ": "
              + e.getOriginalMessage());
    }
    if (node == null || !node.isObject()) {
      throw AccountAdmin.bad("body: a JSON object is required");
    }
    return node;
  }

  private static String requiredText(JsonNode o, String field) {
    return optionalText(o, field)
        .orElseThrow(() -> AccountAdmin.bad("/" + field + ": required (a string)"));
  }

  private static Optional<String> optionalText(JsonNode o, String field) {
    JsonNode v = o.get(field);
    if (v == null || v.isNull()) {
      return Optional.empty();
    }
    if (!v.isTextual()) {
      throw AccountAdmin.bad("/" + field + ": must be a string");
    }
    return Optional.of(v.asText());
  }

  private static List<String> roles(JsonNode o) {
    JsonNode v = o.get("roles");
    if (v == null || !v.isArray()) {
      throw new ResponseStatusException(
          HttpStatus.BAD_REQUEST, "/roles: required (an array of role names)");
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < v.size(); i++) {
      if (!v.get(i).isTextual()) {
        throw AccountAdmin.bad("/roles/" + i + ": must be a string");
      }
      out.add(v.get(i).asText());
    }
    return out;
  }
}
