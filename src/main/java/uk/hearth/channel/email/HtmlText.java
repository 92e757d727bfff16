package uk.hearth.channel.email;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * HTML mail reduced to the text a person sees, with the quoted thread that mail clients wrap in known containers
 * (Gmail, Thunderbird, Apple Mail, Outlook, Yahoo) removed before it is flattened.
 */
final class HtmlText {
    private static final String QUOTES = String.join(", ",
            "blockquote[type=cite]", "div.gmail_quote", "div.gmail_extra > div.gmail_quote", "div.moz-cite-prefix",
            "div.yahoo_quoted", "div#divRplyFwdMsg", "div.OutlookMessageHeader", "blockquote.gmail_quote");
    private static final String STARTS_THREAD = String.join(", ", "div#appendonsend", "hr#stopSpelling",
            "div#divRplyFwdMsg", "div.OutlookMessageHeader");

    private HtmlText() {
    }

    /** All the visible text, with line breaks where blocks end. */
    static String toText(String html) {
        return render(Jsoup.parse(html));
    }

    /** Visible text without the quoted thread. */
    static String withoutQuotes(String html) {
        Document doc = Jsoup.parse(html);
        for (Element start : doc.select(STARTS_THREAD)) {
            removeFollowing(start);
        }
        doc.select(QUOTES).remove();
        return render(doc);
    }

    private static void removeFollowing(Element start) {
        Element node = start;
        while (node != null && node != node.ownerDocument().body()) {
            Node sibling = node.nextSibling();
            while (sibling != null) {
                Node next = sibling.nextSibling();
                sibling.remove();
                sibling = next;
            }
            node = node.parent();
        }
        start.remove();
    }

    private static String render(Document doc) {
        doc.select("head, script, style, title, noscript").remove();
        StringBuilder out = new StringBuilder();
        walk(doc.body() == null ? doc : doc.body(), out);
        return out.toString().replace('\u00a0', ' ')
                .replaceAll("[ \\t]+\\n", "\n").replaceAll("\\n{3,}", "\n\n").strip();
    }

    private static void walk(Node node, StringBuilder out) {
        if (node instanceof TextNode text) {
            String value = text.getWholeText().replaceAll("\\s+", " ");
            if (out.isEmpty() || out.charAt(out.length() - 1) == '\n') {
                value = value.stripLeading();
            }
            out.append(value);
            return;
        }
        if (!(node instanceof Element element)) {
            return;
        }
        String tag = element.normalName();
        if (tag.equals("br")) {
            out.append('\n');
            return;
        }
        boolean block = element.isBlock() || tag.equals("tr") || tag.equals("li");
        if (block) {
            newLine(out);
        }
        if (tag.equals("li")) {
            out.append("- ");
        }
        for (Node child : element.childNodes()) {
            walk(child, out);
        }
        if (block) {
            newLine(out);
            if (tag.equals("p")) {
                out.append('\n');
            }
        } else if (tag.equals("td") || tag.equals("th")) {
            out.append(' ');
        }
    }

    private static void newLine(StringBuilder out) {
        if (!out.isEmpty() && out.charAt(out.length() - 1) != '\n') {
            out.append('\n');
        }
    }

}
