package org.tiptrace.app.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The login page; Spring Security handles {@code POST /login} and {@code POST /logout}. */
@Controller
class LoginController {

  @GetMapping("/login")
  String login() {
    return "web/login";
  }
}
