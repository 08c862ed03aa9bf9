package news.broadsheet.webhook;

import news.broadsheet.web.problem.InvalidInput;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.URI;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which targets webhooks may reach: the same check when a webhook is saved and before every attempt. */
class TargetAddressesTest {

    private final TargetAddresses publicOnly = new TargetAddresses(false);

    @Test
    void internalAddressesAreNotPublic() throws Exception {
        for (String internal : List.of("127.0.0.1", "127.8.9.10", "10.0.3.7", "172.16.5.4", "172.31.255.255", "192.168.1.1",
                "169.254.169.254", "100.100.100.200", "100.64.0.1", "0.0.0.0", "224.0.0.251", "255.255.255.255", "192.0.2.10",
                "198.18.0.1", "::1", "::", "fe80::1", "fd00:ec2::254", "fc00::7", "::ffff:127.0.0.1", "::ffff:169.254.169.254",
                "64:ff9b::a00:1", "ff02::1", "2001:db8::1")) {
            assertFalse(TargetAddresses.isPublic(InetAddress.getByName(internal)), internal + " counts as public");
        }
        for (String outside : List.of("8.8.8.8", "93.184.215.14", "172.32.0.1", "100.128.0.1", "2606:4700:4700::1111", "64:ff9b::808:808")) {
            assertTrue(TargetAddresses.isPublic(InetAddress.getByName(outside)), outside + " counts as internal");
        }
    }

    @Test
    void aWebhookForAnInternalTargetIsRefusedWhenSavedAndAnAttemptWhenSent() {
        for (String url : List.of("http://127.0.0.1:8080/hook", "http://localhost/hook", "http://[::1]/hook", "http://169.254.169.254/latest/meta-data/",
                "http://10.0.0.8/hook")) {
            InvalidInput refused = assertThrows(InvalidInput.class, () -> publicOnly.checked(url), url);
            assertEquals("url", refused.errors().get(0).field());
            assertTrue(refused.errors().get(0).message().contains("not a public address"), refused.errors().get(0).message());
            assertThrows(TargetAddresses.Refused.class, () -> publicOnly.resolve(URI.create(url)), url);
        }
        // allowed by configuration (intranets, tests)
        assertEquals(URI.create("http://127.0.0.1:8080/hook"), new TargetAddresses(true).checked("http://127.0.0.1:8080/hook"));
    }

    @Test
    void onlyHttpUrlsWithoutCredentialsAreTargets() {
        for (String url : List.of("ftp://hooks.news.example/x", "file:///etc/passwd", "gopher://hooks.news.example/", "https://user:pw@hooks.news.example/x",
                "https:///no-host", "https://hooks.news.example/x#part", "not a url", "javascript:alert(1)")) {
            assertThrows(InvalidInput.class, () -> publicOnly.checked(url), url);
        }
        // a name that does not resolve yet is accepted when saved; every attempt resolves it again
        assertEquals(URI.create("https://hooks.news.example/broadsheet"), publicOnly.checked("https://hooks.news.example/broadsheet"));
        assertThrows(TargetAddresses.Unresolved.class, () -> publicOnly.resolve(URI.create("https://hooks.news.example/broadsheet")));
    }
}
