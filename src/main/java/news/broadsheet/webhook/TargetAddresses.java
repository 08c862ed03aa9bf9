package news.broadsheet.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import news.broadsheet.BroadsheetConfig;
import news.broadsheet.web.problem.InvalidInput;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Locale;

/**
 * Where webhooks may go: http(s) URLs whose host resolves to public addresses only. Checked when a webhook is saved
 * and again before every attempt, on the addresses the attempt then connects to ({@link WebhookSender} pins the
 * connection to the address checked here), so a name re-pointed at an internal address (DNS rebinding) is refused too.
 * Loopback, private (RFC 1918, IPv6 unique local), link-local (cloud metadata at 169.254.169.254), carrier-grade NAT,
 * multicast, reserved and unspecified addresses are refused unless broadsheet.webhooks.allow-private-targets is set.
 */
@ApplicationScoped
class TargetAddresses {

    /** Why a target is refused, in words an admin can act on. */
    static class Refused extends Exception {
        Refused(String message) {
            super(message);
        }
    }

    /** The host does not resolve: refused for an attempt, accepted when a webhook is saved. */
    static final class Unresolved extends Refused {
        Unresolved(String host) {
            super("names a host that does not resolve: " + host);
        }
    }

    private final boolean allowPrivate;

    @Inject
    TargetAddresses(BroadsheetConfig config) {
        this(config.webhooks().allowPrivateTargets());
    }

    TargetAddresses(boolean allowPrivate) {
        this.allowPrivate = allowPrivate;
    }

    /**
     * The URL checked as a webhook target now: a host that does not resolve (yet) is accepted, since every attempt
     * checks again; one that resolves to an address not allowed is refused. @throws InvalidInput on the field {@code url}
     */
    URI checked(String url) {
        try {
            URI target = parsed(url);
            try {
                resolve(target);
            } catch (Unresolved notYet) {
                // checked again before each attempt
            }
            return target;
        } catch (Refused refused) {
            throw new InvalidInput("url", refused.getMessage());
        }
    }

    /** The syntax alone: http(s), a host, no credentials, no fragment. */
    static URI parsed(String url) throws Refused {
        URI target;
        try {
            target = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw new Refused("is not a URL: " + e.getReason());
        }
        String scheme = target.getScheme() == null ? "" : target.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new Refused("must be an http or https URL");
        }
        if (target.getHost() == null || target.getHost().isEmpty()) {
            throw new Refused("must name a host");
        }
        if (target.getRawUserInfo() != null) {
            throw new Refused("must not carry credentials: deliveries are signed, and a URL is shown to every admin");
        }
        if (target.getRawFragment() != null) {
            throw new Refused("must not have a fragment (#...)");
        }
        return target;
    }

    /** The address to connect to: the host's first address, once every address it resolves to is allowed. */
    InetAddress resolve(URI target) throws Refused {
        InetAddress[] addresses = addressesOf(target);
        if (!allowPrivate) {
            for (InetAddress address : addresses) {
                if (!isPublic(address)) {
                    throw new Refused("resolves to " + address.getHostAddress() + ", which is not a public address; webhooks go to "
                            + "public addresses only (an operator may allow private targets with broadsheet.webhooks.allow-private-targets)");
                }
            }
        }
        return addresses[0];
    }

    /** The host's first address, with no policy: for targets the operator configured (the WebSub hub). */
    static InetAddress anyAddress(URI target) throws Refused {
        return addressesOf(target)[0];
    }

    private static InetAddress[] addressesOf(URI target) throws Unresolved {
        String host = target.getHost();
        try {
            return InetAddress.getAllByName(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
        } catch (UnknownHostException e) {
            throw new Unresolved(host);
        }
    }

    static boolean isPublic(InetAddress address) {
        if (address.isAnyLocalAddress() || address.isLoopbackAddress() || address.isLinkLocalAddress()
                || address.isSiteLocalAddress() || address.isMulticastAddress()) {
            return false;
        }
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            return isPublicV4(bytes);
        }
        if (address instanceof Inet6Address) {
            int first = bytes[0] & 0xff;
            if ((first & 0xfe) == 0xfc) {
                return false; // fc00::/7 unique local (fd00:ec2::254 is a cloud metadata address)
            }
            if (bytes[0] == 0x20 && bytes[1] == 0x01 && bytes[2] == 0x0d && (bytes[3] & 0xff) == 0xb8) {
                return false; // 2001:db8::/32 documentation
            }
            if (isPrefix(bytes, new byte[] {0, 0x64, (byte) 0xff, (byte) 0x9b, 0, 0, 0, 0, 0, 0, 0, 0})
                    || isPrefix(bytes, new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0})) {
                return isPublicV4(Arrays.copyOfRange(bytes, 12, 16)); // NAT64 and IPv4-compatible: the IPv4 address inside
            }
            return true;
        }
        return false;
    }

    private static boolean isPublicV4(byte[] bytes) {
        int a = bytes[0] & 0xff;
        int b = bytes[1] & 0xff;
        int c = bytes[2] & 0xff;
        return !(a == 0 || a == 10 || a == 127 || a >= 224                // this network, private, loopback, multicast and reserved
                || (a == 100 && b >= 64 && b <= 127)                      // carrier-grade NAT (100.100.100.200: a cloud's metadata)
                || (a == 169 && b == 254)                                 // link-local, cloud metadata
                || (a == 172 && b >= 16 && b <= 31) || (a == 192 && b == 168)
                || (a == 192 && b == 0 && (c == 0 || c == 2))             // IETF protocol assignments, documentation
                || (a == 198 && (b == 18 || b == 19))                     // benchmarking
                || (a == 198 && b == 51 && c == 100) || (a == 203 && b == 0 && c == 113));
    }

    private static boolean isPrefix(byte[] bytes, byte[] prefix) {
        return Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
    }
}
