package org.tiptrace.app.pages;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.tiptrace.account.Account;
import org.tiptrace.app.rules.ActiveRules;
import org.tiptrace.app.system.CurrentAgency;
import org.tiptrace.app.system.UserAccounts;
import org.tiptrace.ip.AssessmentRepository;
import org.tiptrace.tip.AgencyId;
import org.tiptrace.tip.Tip;

/**
 * {@code /admin} (role {@code ADMINISTRATOR}): an overview. The users of the administrator's own
 * agency (managed on {@code /admin/users}) (never password hashes); the active triage rules'
 * version; the IP data sets the agency's stored assessments were computed with. Hash sets, users
 * and rules are edited on their own pages.
 */
@Controller
class AdminPageController {
  private final UserAccounts users;
  private final AgencyData data;
  private final CurrentAgency agency;
  private final ActiveRules rules;

  AdminPageController(
      UserAccounts users, AgencyData data, CurrentAgency agency, ActiveRules rules) {
    this.users = users;
    this.data = data;
    this.agency = agency;
    this.rules = rules;
  }

  record UserRow(String username, String agency, String roles) {}

  @GetMapping("/admin")
  String admin(Model model) {
    // The agency's own users only: an administrator manages (and sees) no other agency's.
    AgencyId own = agency.require();
    List<Account> mine = users.all().stream().filter(u -> u.agency().equals(own)).toList();
    List<UserRow> rows =
        mine.stream()
            .map(
                u ->
                    new UserRow(
                        u.username(),
                        u.agency().code(),
                        String.join(", ", u.roles().stream().sorted().toList())))
            .toList();
    Map<String, Integer> agencies = new TreeMap<>();
    agencies.put(own.code(), mine.size());
    AgencyData.Snapshot snapshot = data.load(agency.require());
    TreeSet<String> dataSets = new TreeSet<>();
    for (Tip t : snapshot.tips()) {
      snapshot
          .assessments(t.id())
          .map(AssessmentRepository.Stored::dataSets)
          .ifPresent(dataSets::add);
    }
    model.addAttribute("users", rows);
    model.addAttribute("agencies", agencies);
    model.addAttribute("rules", rules.triage());
    model.addAttribute("dataSets", dataSets);
    return "pages/admin";
  }
}
