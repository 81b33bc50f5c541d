package io.chainsig.wallet.server;

import io.chainsig.wallet.consent.ConsentButton;
import io.chainsig.wallet.consent.ConsentPrompt;
import io.chainsig.wallet.consent.SignOutcome;
import io.chainsig.wallet.consent.SignRequest;
import java.time.Duration;

/**
 * The HTML of consent pages. No scripts: plain forms and native buttons, so the page works with
 * the keyboard (Tab, Enter, Space) and the risky choice is never the focused default.
 */
final class ConsentPageHtml {
  private static final String STYLE = """
      body{font-family:system-ui,sans-serif;max-width:42rem;margin:2rem auto;padding:0 1rem;color:#111}
      h1{font-size:1.3rem}dt{font-weight:600}dd{margin:0 0 .6rem 0;font-family:monospace;word-break:break-all}
      #transaction li:first-child{font-size:1.4rem;font-weight:700;list-style:none;margin-left:-1.2rem}
      .warning{border:3px solid #b00020;background:#fde7ea;padding:.6rem 1rem;margin:1rem 0;font-weight:600}
      .buttons{display:flex;gap:1rem;margin-top:1rem}
      button{font-size:1.1rem;padding:.6rem 1.4rem;border-radius:.4rem;border:2px solid #333;background:#fff}
      button:focus{outline:4px solid #1a73e8;outline-offset:2px}
      button.reject{background:#eee}button.accept{background:#e8f5e9}button.accept-suspicious{background:#fff;color:#b00020;border-color:#b00020}
      """;

  private ConsentPageHtml() {}

  static String prompt(SignRequest request, ConsentPrompt prompt, String formToken, Duration remember) {
    StringBuilder html = page("chainsig wallet: signature request");
    html.append("<h1 id=\"title\">").append(escape(prompt.title())).append("</h1>\n");
    html.append("<section id=\"transaction\" aria-label=\"Transaction\"><ul>\n");
    prompt.transaction().forEach(line -> html.append("<li>").append(escape(line)).append("</li>\n"));
    html.append("</ul></section>\n");
    for (String warning : prompt.warnings()) {
      html.append("<div class=\"warning\" role=\"alert\"><p>").append(escape(warning)).append("</p></div>\n");
    }
    html.append("<dl id=\"request\"><dt>Requested by</dt><dd id=\"origin\">").append(escape(request.origin().serialized()))
        .append("</dd><dt>Key</dt><dd id=\"key\">").append(escape(request.key().toKeyString()))
        .append("</dd><dt>Key path (sent to the signer)</dt><dd id=\"path\">").append(escape(request.key().path().canonicalJson()))
        .append("</dd></dl>\n");
    html.append("<form method=\"post\" action=\"/consent/").append(escape(request.id())).append("\">\n");
    html.append("<input type=\"hidden\" name=\"token\" value=\"").append(escape(formToken)).append("\">\n");
    if (prompt.rememberable()) {
      html.append("<p><label><input type=\"checkbox\" id=\"remember\" name=\"remember\" value=\"yes\"> Don't ask again for ")
          .append(remember.toMinutes()).append(" minutes for this site and key</label></p>\n");
    }
    html.append("<div class=\"buttons\">\n");
    for (ConsentButton button : prompt.buttons()) {
      String id = switch (button) {
        case ACCEPT -> "accept";
        case REJECT -> "reject";
        case ACCEPT_SUSPICIOUS -> "accept-suspicious";
      };
      html.append("<button type=\"submit\" name=\"decision\" value=\"").append(button.name()).append("\" id=\"").append(id)
          .append("\" class=\"").append(id).append("\"")
          .append(prompt.initialFocus().filter(button::equals).isPresent() ? " autofocus" : "")
          .append(">").append(escape(button.label())).append("</button>\n");
    }
    html.append("</div>\n</form>\n");
    return end(html);
  }

  static String outcome(SignOutcome outcome) {
    StringBuilder html = page("chainsig wallet: " + (outcome instanceof SignOutcome.Signed ? "signed" : "refused"));
    if (outcome instanceof SignOutcome.Signed) {
      html.append("<h1 id=\"outcome\">Signed \u2705</h1>\n");
    } else {
      html.append("<h1 id=\"outcome\">Not signed</h1>\n");
    }
    html.append("<pre id=\"outcome-text\">").append(escape(outcome.text())).append("</pre>\n");
    html.append("<p>You can close this window.</p>\n");
    return end(html);
  }

  static String message(String title, String text) {
    StringBuilder html = page("chainsig wallet: " + title);
    html.append("<h1 id=\"outcome\">").append(escape(title)).append("</h1>\n<p>").append(escape(text)).append("</p>\n");
    return end(html);
  }

  private static StringBuilder page(String title) {
    return new StringBuilder("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">")
        .append("<title>").append(escape(title)).append("</title><style>").append(STYLE).append("</style></head>\n<body><main>\n");
  }

  private static String end(StringBuilder html) {
    return html.append("</main></body></html>\n").toString();
  }

  /** Escapes text for HTML element content and double-quoted attributes. */
  static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }
}
