package ssi.sweep;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.HazelcastInstanceAware;
import java.io.Serializable;
import java.util.concurrent.Callable;

/**
 * A run sent to a member's executor: the spec, the sender's ssi version, and the image's bytes when
 * the member said it lacks them. It runs on the member's {@link Station}.
 */
final class RunTask implements Callable<RunResult>, Serializable, HazelcastInstanceAware {
    static final String EXECUTOR = "ssi-sweep";

    private final RunSpec spec;
    private final String version;
    private final byte[] image;
    private transient HazelcastInstance member;

    RunTask(RunSpec spec, String version, byte[] image) {
        this.spec = spec;
        this.version = version;
        this.image = image;
    }

    @Override
    public void setHazelcastInstance(HazelcastInstance member) {
        this.member = member;
    }

    @Override
    public RunResult call() {
        if (!(member.getUserContext().get(Station.KEY) instanceof Station station)) {
            return RunResult.failed(spec, "member " + member.getCluster().getLocalMember().getAddress() + " runs no sweeps (not an ssi worker)");
        }
        return station.run(spec, image, version);
    }
}
