package dev.ragfn.bundle.broker;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import org.jboss.logging.Logger;

import java.time.ZoneId;

/**
 * The PingSources of one machine: each schedule that triggers.yaml declares fires at its cron
 * time in its time zone, through the local broker. Commands that run and exit start no schedule
 * (Main turns the scheduler off for them).
 */
@ApplicationScoped
public class LocalSchedules {

    private static final Logger LOG = Logger.getLogger(LocalSchedules.class);
    static final String JOB_PREFIX = "ragfn-schedule-";

    /** The broker is looked up when a schedule fires: creating it at start-up would start every function early. */
    void start(@Observes StartupEvent started, Scheduler scheduler, Instance<LocalBroker> broker) {
        if (!scheduler.isStarted()) {
            return;
        }
        for (TriggerTable.Schedule schedule : TriggerTable.fromClasspath().schedules()) {
            scheduler.newJob(JOB_PREFIX + schedule.name())
                    .setCron(schedule.cron())
                    .setTimeZone(ZoneId.of(schedule.timezone()).getId())
                    .setTask(execution -> LOG.infof("Schedule %s fired: %s", schedule.name(),
                            broker.get().fire(schedule).stream().map(e -> e.type()).toList()))
                    .schedule();
            LOG.infof("Schedule %s: %s (%s) to %s", schedule.name(), schedule.cron(), schedule.timezone(),
                    schedule.function());
        }
    }
}
