package org.tiptrace.app.admin;

import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.tiptrace.account.Agency;

/**
 * The administration pages: {@code /admin/users} (the agency's users and a form to add one), {@code
 * /admin/users/{username}} (roles, enable/disable, password and TOTP resets) and {@code
 * /admin/agencies}. Plain forms with the CSRF token in the body, enhanced by htmx (the account
 * panel is swapped in place); every control has a label. A refused change (400/409) re-renders the
 * form with the reason; a user of another agency is 404. A generated password is rendered once,
 * never redirected through the session.
 */
@Controller
class AdminPagesController {
  private final AccountAdmin admin;

  AdminPagesController(AccountAdmin admin) {
    this.admin = admin;
  }

  @GetMapping("/admin/users")
  String users(Model model) {
    return usersPage(model, Optional.empty(), Optional.empty());
  }

  private String usersPage(
      Model model, Optional<String> error, Optional<AccountAdmin.Outcome> created) {
    model.addAttribute("users", admin.users());
    model.addAttribute("roles", AccountAdmin.grantable());
    model.addAttribute("error", error.orElse(""));
    model.addAttribute("created", created.orElse(null));
    return "admin/users";
  }

  @PostMapping("/admin/users")
  String create(
      @RequestParam(defaultValue = "") String username,
      @RequestParam(name = "roles", required = false) @Nullable List<String> roles,
      @RequestParam(defaultValue = "") String password,
      Model model) {
    try {
      AccountAdmin.Outcome created =
          admin.create(
              username.strip(),
              roles == null ? List.of() : roles,
              password.isEmpty() ? Optional.empty() : Optional.of(password),
              Optional.empty());
      return usersPage(model, Optional.empty(), Optional.of(created));
    } catch (ResponseStatusException e) {
      if (e.getStatusCode().value() == HttpStatus.NOT_FOUND.value()) {
        throw e;
      }
      model.addAttribute("username", username);
      return usersPage(model, Optional.ofNullable(e.getReason()), Optional.empty());
    }
  }

  @GetMapping("/admin/users/{username}")
  String user(@PathVariable String username, Model model) {
    return userPage(admin.user(username), model, Optional.empty(), Optional.empty());
  }

  private String userPage(
      AccountAdmin.UserView user, Model model, Optional<String> error, Optional<String> password) {
    model.addAttribute("user", user);
    model.addAttribute("roles", AccountAdmin.grantable());
    model.addAttribute("error", error.orElse(""));
    model.addAttribute("generatedPassword", password.orElse(""));
    return "admin/user";
  }

  /** Runs a change of the user; a refusal re-renders the page with its reason. */
  private String change(
      String username, Model model, RedirectAttributes redirect, String done, Runnable action) {
    admin.own(username); // 404 first
    try {
      action.run();
    } catch (ResponseStatusException e) {
      if (e.getStatusCode().value() == HttpStatus.NOT_FOUND.value()) {
        throw e;
      }
      return userPage(
          admin.user(username), model, Optional.ofNullable(e.getReason()), Optional.empty());
    }
    redirect.addFlashAttribute("done", done);
    return "redirect:/admin/users/" + username;
  }

  @PostMapping("/admin/users/{username}/roles")
  String roles(
      @PathVariable String username,
      @RequestParam(name = "roles", required = false) @Nullable List<String> roles,
      Model model,
      RedirectAttributes redirect) {
    return change(
        username,
        model,
        redirect,
        "Roles saved.",
        () -> admin.setRoles(username, roles == null ? List.of() : roles));
  }

  @PostMapping("/admin/users/{username}/enabled")
  String enabled(
      @PathVariable String username,
      @RequestParam(defaultValue = "") String enabled,
      Model model,
      RedirectAttributes redirect) {
    admin.own(username);
    if (!enabled.equals("true") && !enabled.equals("false")) {
      return userPage(
          admin.user(username),
          model,
          Optional.of("enabled: must be true or false, was '" + enabled + "'"),
          Optional.empty());
    }
    boolean on = enabled.equals("true");
    return change(
        username,
        model,
        redirect,
        on ? "Account enabled." : "Account disabled.",
        () -> admin.setEnabled(username, on));
  }

  @PostMapping("/admin/users/{username}/totp-reset")
  String totpReset(@PathVariable String username, Model model, RedirectAttributes redirect) {
    return change(
        username,
        model,
        redirect,
        "TOTP enrolment removed: a new secret is enrolled at the next sign-in.",
        () -> admin.resetTotp(username));
  }

  @PostMapping("/admin/users/{username}/password")
  String password(
      @PathVariable String username,
      @RequestParam(defaultValue = "") String password,
      Model model) {
    admin.own(username);
    try {
      AccountAdmin.Outcome reset =
          admin.resetPassword(
              username, password.isEmpty() ? Optional.empty() : Optional.of(password));
      model.addAttribute("done", "Password reset.");
      return userPage(reset.user(), model, Optional.empty(), reset.generatedPassword());
    } catch (ResponseStatusException e) {
      if (e.getStatusCode().value() == HttpStatus.NOT_FOUND.value()) {
        throw e;
      }
      return userPage(
          admin.user(username), model, Optional.ofNullable(e.getReason()), Optional.empty());
    }
  }

  @GetMapping("/admin/agencies")
  String agencies(Model model) {
    return agenciesPage(model, Optional.empty());
  }

  private String agenciesPage(Model model, Optional<String> error) {
    model.addAttribute("agencies", admin.agencies());
    model.addAttribute("error", error.orElse(""));
    return "admin/agencies";
  }

  @PostMapping("/admin/agencies")
  String createAgency(
      @RequestParam(defaultValue = "") String code,
      @RequestParam(defaultValue = "") String name,
      Model model,
      RedirectAttributes redirect) {
    try {
      AccountAdmin.AgencyView created = admin.createAgency(code, name);
      redirect.addFlashAttribute("done", "Agency " + created.code() + " registered.");
      return "redirect:/admin/agencies";
    } catch (ResponseStatusException e) {
      model.addAttribute("code", code);
      model.addAttribute("name", name);
      return agenciesPage(model, Optional.ofNullable(e.getReason()));
    }
  }

  @PostMapping("/admin/agencies/{code}/name")
  String renameAgency(
      @PathVariable String code,
      @RequestParam(defaultValue = "") String name,
      Model model,
      RedirectAttributes redirect) {
    Agency agency = admin.agency(code); // 404 first
    try {
      admin.renameAgency(agency, name);
      redirect.addFlashAttribute("done", "Agency " + agency.code() + " renamed.");
      return "redirect:/admin/agencies";
    } catch (ResponseStatusException e) {
      return agenciesPage(model, Optional.ofNullable(e.getReason()));
    }
  }
}
