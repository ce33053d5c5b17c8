package org.tiptrace.app.system;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * {@code /login/oidc/refused}: why a single sign-on was refused, in the fixed words of {@link
 * OidcRefusal} (the reason arrives as its name; anything else reads as an unverifiable answer).
 * Answers 403, since nobody is signed in.
 */
@Controller
class OidcRefusedController {
  private final OidcSettings settings;

  OidcRefusedController(OidcSettings settings) {
    this.settings = settings;
  }

  @GetMapping(OidcLogin.REFUSED_PAGE)
  @ResponseStatus(HttpStatus.FORBIDDEN)
  String refused(@RequestParam(defaultValue = "") String reason, Model model) {
    OidcRefusal refusal = OidcRefusal.INVALID_RESPONSE;
    for (OidcRefusal r : OidcRefusal.values()) {
      if (r.name().equals(reason)) {
        refusal = r;
      }
    }
    model.addAttribute("message", refusal.message());
    model.addAttribute("reason", refusal.name());
    model.addAttribute("provider", settings.displayName());
    return "web/oidc-refused";
  }
}
