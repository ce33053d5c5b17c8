package org.tiptrace.app.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.tiptrace.app.system.OidcSettings;

/**
 * The login page; Spring Security handles {@code POST /login} and {@code POST /logout}. With single
 * sign-on configured it also offers "Sign in with …" ({@code /oauth2/authorization/oidc}).
 */
@Controller
class LoginController {
  private final OidcSettings oidc;

  LoginController(OidcSettings oidc) {
    this.oidc = oidc;
  }

  @GetMapping("/login")
  String login(Model model) {
    oidc.loginName().ifPresent(name -> model.addAttribute("oidcName", name));
    return "web/login";
  }
}
