package org.tiptrace.app.tips;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.tiptrace.tip.Page;
import org.tiptrace.tip.TipSummary;

/** The pages: {@code /} lists the agency's tips, {@code /tips/{id}} shows one. */
@Controller
class TipPageController {
  static final int PAGE_SIZE = 50;

  private final AgencyTips tips;

  TipPageController(AgencyTips tips) {
    this.tips = tips;
  }

  @GetMapping("/")
  String list(@RequestParam(defaultValue = "0") int offset, Model model) {
    tips.audit().tipsListed(Math.max(0, offset), PAGE_SIZE, "page");
    Page<TipSummary> page = tips.page(Math.max(0, offset), PAGE_SIZE);
    model.addAttribute("rows", page.items().stream().map(TipRow::of).toList());
    model.addAttribute("total", page.total());
    model.addAttribute("offset", page.offset());
    model.addAttribute("previous", page.offset() > 0 ? Math.max(0, page.offset() - PAGE_SIZE) : -1);
    model.addAttribute(
        "next", page.offset() + PAGE_SIZE < page.total() ? page.offset() + PAGE_SIZE : -1);
    return "tips/list";
  }

  @GetMapping("/tips/{id}")
  String show(@PathVariable String id, Model model) {
    tips.audit().tipViewed(id, "page");
    org.tiptrace.tip.Tip tip = tips.find(id);
    model.addAttribute("tip", TipFacts.of(tip));
    model.addAttribute("tipId", tip.id().toString());
    model.addAttribute("ipRows", tips.ipRows(tip));
    model.addAttribute("hashMatches", tips.hashMatches(tip));
    return "tips/show";
  }
}
