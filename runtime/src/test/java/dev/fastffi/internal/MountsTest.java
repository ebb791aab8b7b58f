package dev.fastffi.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Finding the mount of a path in the lines of {@code /proc/self/mountinfo}. */
class MountsTest {
    private static final List<String> MOUNTINFO = List.of(
            "25 1 8:1 / / rw,relatime shared:1 - ext4 /dev/sda1 rw",
            "30 25 0:26 / /tmp rw,nosuid,nodev shared:5 - tmpfs tmpfs rw",
            "66 30 0:40 / /tmp/nx rw,noexec,relatime - tmpfs tmpfs rw",
            "67 25 0:41 / /mnt/with\\040space rw,noexec - tmpfs tmpfs rw",
            "68 30 0:42 / /tmp/nx rw,relatime - tmpfs tmpfs rw");

    @Test
    void theLongestMountPointContainingThePathIsItsMount() {
        assertEquals(Optional.of(new Mounts.Mount("/tmp", false)), Mounts.of("/tmp/nxfoo/lib.so", MOUNTINFO));
        assertEquals(Optional.of(new Mounts.Mount("/", false)), Mounts.of("/home/u/lib.so", MOUNTINFO));
    }

    @Test
    void aLaterMountOnTheSamePointCoversTheEarlierOne() {
        assertEquals(Optional.of(new Mounts.Mount("/tmp/nx", false)), Mounts.of("/tmp/nx/a/lib.so", MOUNTINFO));
        assertEquals(Optional.of(new Mounts.Mount("/tmp/nx", true)),
                Mounts.of("/tmp/nx/a/lib.so", MOUNTINFO.subList(0, 3)));
    }

    @Test
    void escapedSpacesInMountPointsAreRead() {
        assertEquals(Optional.of(new Mounts.Mount("/mnt/with space", true)),
                Mounts.of("/mnt/with space/lib.so", MOUNTINFO));
    }

    @Test
    void noMountIsFoundInAnEmptyTable() {
        assertEquals(Optional.empty(), Mounts.of("/tmp/lib.so", List.of("malformed")));
    }
}
