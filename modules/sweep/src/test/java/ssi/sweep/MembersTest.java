package ssi.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.hazelcast.config.Config;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A member's configuration: ssi's defaults, a Hazelcast YAML file under them, the secret in the name. */
class MembersTest {
    @Test
    void theDefaultsKeepToLoopbackAndCallNoOne() throws SweepException {
        Config c = Members.config(Members.Settings.embedded().withSlots(3));
        assertFalse(c.getNetworkConfig().getJoin().getMulticastConfig().isEnabled());
        assertFalse(c.getNetworkConfig().getJoin().getTcpIpConfig().isEnabled(), "the embedded member joins no one");
        assertEquals(List.of("127.0.0.1"), List.copyOf(c.getNetworkConfig().getInterfaces().getInterfaces()));
        assertEquals("false", c.getProperty("hazelcast.phone.home.enabled"));
        assertEquals(3, c.getExecutorConfig(RunTask.EXECUTOR).getPoolSize(), "the executor is as large as the slots");
        assertEquals("3", c.getMemberAttributeConfig().getAttributes().get(Members.SLOTS));
        assertEquals(Version.CURRENT, c.getMemberAttributeConfig().getAttributes().get(Members.VERSION));
    }

    @Test
    void aYamlFileIsTheStartAndTheSecretChangesTheName(@TempDir Path dir) throws Exception {
        Path yaml = dir.resolve("hazelcast.yaml");
        Files.writeString(yaml, """
                hazelcast:
                  cluster-name: lab
                  network:
                    port:
                      port: 5901
                    join:
                      tcp-ip:
                        enabled: true
                        member-list:
                          - 10.0.0.2:5901
                """);
        Members.Settings s = new Members.Settings("ignored", "s3cret", List.of(), 0, 2, yaml, Version.CURRENT);
        Config c = Members.config(s);
        assertTrue(c.getClusterName().startsWith("lab-"), c.getClusterName());
        assertNotEquals(Members.clusterName("lab", "other"), c.getClusterName(), "another secret, another name");
        assertEquals(Members.clusterName("lab", "s3cret"), c.getClusterName(), "the same secret, the same name");
        assertEquals(5901, c.getNetworkConfig().getPort());
        assertEquals(List.of("10.0.0.2:5901"), c.getNetworkConfig().getJoin().getTcpIpConfig().getMembers());
        Files.writeString(yaml, "hazelcast:\n  network:\n    join:\n      multicast:\n        enabled: true\n");
        assertFalse(Members.config(s).getNetworkConfig().getJoin().getMulticastConfig().isEnabled(), "multicast stays off: members are named");
        assertEquals("false", c.getProperty("hazelcast.phone.home.enabled"));
        assertEquals("lab", Members.clusterName("lab", null), "no secret: the name as given");
        Files.writeString(yaml, "hazelcast:\n  nonsense: [\n");
        SweepException e = assertThrows(SweepException.class, () -> Members.config(s));
        assertTrue(e.getMessage().startsWith("--config " + yaml + ": "), e.getMessage());
    }
}
