package org.tiptrace.app.system;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.tiptrace.account.Totp;

/**
 * The pages of the second login step: {@code /login/totp} asks for the code, {@code
 * /login/totp/enrol} shows a new secret (otpauth URI, QR code, the secret itself) and asks for its
 * first code. Only a {@link PendingTotpAuthentication} reaches them ({@link SecurityConfig}).
 */
@Controller
class TotpLoginController {
  private final TotpLogin login;

  TotpLoginController(TotpLogin login) {
    this.login = login;
  }

  @GetMapping("/login/totp")
  String codePage() {
    return "web/totp";
  }

  @PostMapping("/login/totp")
  String code(
      @RequestParam(defaultValue = "") String code,
      HttpServletRequest request,
      HttpServletResponse response) {
    PendingTotpAuthentication pending = TotpLogin.pending().orElseThrow();
    if (pending.enrolling()) {
      return "redirect:/login/totp/enrol";
    }
    return outcome(login.verify(pending, code, Optional.empty(), request, response), "/login/totp");
  }

  @GetMapping("/login/totp/enrol")
  String enrolPage(HttpSession session, Model model) {
    PendingTotpAuthentication pending = TotpLogin.pending().orElseThrow();
    if (!pending.enrolling()) {
      return "redirect:/login/totp";
    }
    String secret = (String) session.getAttribute(TotpLogin.ENROL_SECRET);
    if (secret == null) {
      secret = Totp.newSecret();
      session.setAttribute(TotpLogin.ENROL_SECRET, secret);
    }
    String uri = Totp.uri(login.settings().issuer(), pending.getName(), secret);
    model.addAttribute("uri", uri);
    model.addAttribute("secret", secret.replaceAll("(.{4})(?!$)", "$1 "));
    model.addAttribute("qr", QrCodes.svgPath(uri));
    return "web/totp-enrol";
  }

  @PostMapping("/login/totp/enrol")
  String enrol(
      @RequestParam(defaultValue = "") String code,
      HttpSession session,
      HttpServletRequest request,
      HttpServletResponse response) {
    PendingTotpAuthentication pending = TotpLogin.pending().orElseThrow();
    Optional<String> secret =
        Optional.ofNullable((String) session.getAttribute(TotpLogin.ENROL_SECRET));
    if (!pending.enrolling() || secret.isEmpty()) {
      return "redirect:/login/totp";
    }
    return outcome(login.verify(pending, code, secret, request, response), "/login/totp/enrol");
  }

  private static String outcome(TotpLogin.Outcome outcome, String page) {
    return switch (outcome) {
      // The same landing page as a login without a second factor.
      case SIGNED_IN -> "redirect:/queue";
      case WRONG_CODE -> "redirect:" + page + "?error";
      case THROTTLED -> "redirect:" + page + "?throttled";
    };
  }
}
