package ssi.migration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import ssi.api.Link;
import ssi.api.MigrationReason;

class MigrationRulesTest {
    @Test
    void freshPagesAreDirtyAndASentSpaceIsClean() {
        AddressSpace a = new AddressSpace(4096, 10_000);
        assertEquals(3, a.pages());
        assertEquals(3, a.dirtyPages());
        int block = a.alloc(8193);
        assertEquals(6, a.pages());
        assertEquals(6, a.dirtyPages());
        a.sent();
        assertEquals(0, a.dirtyPages());
        a.touch(block, 4095, 2); // straddles the block's first two pages
        assertEquals(2, a.dirtyPages());
        a.touch(block, 8192, 1);
        assertEquals(3, a.dirtyPages());
        assertEquals(3, a.free(block));
        assertEquals(0, a.dirtyPages(), "freed pages are not sent");
        assertEquals(3 * 4096, a.bytes());
    }

    @Test
    void badMemoryCallsSayWhatWasWrong() {
        AddressSpace a = new AddressSpace(4096, 0);
        int block = a.alloc(100);
        assertEquals("touch: bytes 90+20 are outside block 1 of 100 bytes",
                assertThrows(IllegalArgumentException.class, () -> a.touch(block, 90, 20)).getMessage());
        assertEquals("free: no block 7", assertThrows(IllegalArgumentException.class, () -> a.free(7)).getMessage());
        assertEquals("alloc: size must be at least 1 byte, got 0", assertThrows(IllegalArgumentException.class, () -> a.alloc(0)).getMessage());
    }

    @Test
    void transferCostIsAFixedPartPlusAPartLinearInDirtyPages() {
        TransferCost c = new TransferCost(1_000_000, 4096, new Link(100_000, 128e6)); // 62.5 ns a byte
        assertEquals(2 * (100_000 + 4_000), c.negotiationNanos());
        assertEquals(1_000_000 + 100_000 + 4_000, c.transferNanos(0));
        assertEquals(256_000, c.transferNanos(11) - c.transferNanos(10));
        assertEquals(64 + 10 * 4096, c.bytes(10));
    }

    @Test
    void confinementAndLocksHoldExceptOnTheWayHome() {
        assertEquals(Optional.of(CantMove.MONKEY), CantMove.refusal(MigrationReason.MANUAL, CantMove.MONKEY, false, true));
        assertEquals(Optional.empty(), CantMove.refusal(MigrationReason.CONSTRAINT, CantMove.MONKEY, false, true));
        assertEquals(Optional.of(CantMove.MONKEY), CantMove.refusal(MigrationReason.CONSTRAINT, CantMove.MONKEY, false, false));
        assertEquals(Optional.of(CantMove.USER_LOCK), CantMove.refusal(MigrationReason.POLICY, null, true, false));
        assertEquals(Optional.of(CantMove.USER_LOCK), CantMove.refusal(MigrationReason.MANUAL, null, true, true));
        assertEquals(Optional.empty(), CantMove.refusal(MigrationReason.HOME_COMING, null, true, true));
        assertEquals(Optional.of(CantMove.NATIVE), CantMove.refusal(MigrationReason.POLICY, CantMove.NATIVE, false, false));
        assertEquals(Optional.empty(), CantMove.refusal(MigrationReason.POLICY, null, false, false));
    }
}
