package news.broadsheet.subscription;

/**
 * What a subscriber's name may hold. Names are typed by anybody into a public form and end up in mails, so they carry
 * no links: nothing a mail client would turn into one (a scheme, "www.", an address, a host name such as
 * evil.example or EVIL.COM, with any of the dots mail clients read as one).
 */
final class PersonName {

    /** Written for Java and for JSON Schema (ECMA-262) alike, as the OpenAPI document publishes it. */
    static final String PATTERN = "^(?![\\s\\S]*(://|[Ww]{3}[.\\uFF0E\\u3002]|@|[^\\s.\\uFF0E\\u3002][.\\uFF0E\\u3002][A-Za-z]{2,}))[\\s\\S]*$";
    static final String MESSAGE = "must be a name, without links, web or mail addresses";
    static final String DESCRIPTION = "A person's name, as shown in mails: no links, web or mail addresses";

    private PersonName() {
    }
}
