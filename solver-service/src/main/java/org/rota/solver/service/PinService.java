package org.rota.solver.service;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;

import org.rota.platform.problem.ProblemException;
import org.rota.solver.config.SolverConfig;
import org.rota.solver.domain.KnownActivity;
import org.rota.solver.domain.KnownClinician;
import org.rota.solver.domain.Pin;
import org.rota.solver.outbox.SolverEvents;

@ApplicationScoped
@Transactional
public class PinService {

    private final EntityManager em;
    private final SolverEvents events;
    private final SolverConfig config;

    PinService(EntityManager em, SolverEvents events, SolverConfig config) {
        this.em = em;
        this.events = events;
        this.config = config;
    }

    public Pin create(@Valid PinRequest request) {
        KnownActivity activity = em.find(KnownActivity.class, request.activityId());
        if (activity == null) {
            throw ProblemException.unprocessable("activityId", "Activity " + request.activityId() + " is not known");
        }
        if (em.find(KnownClinician.class, request.clinicianId()) == null) {
            throw ProblemException.unprocessable("clinicianId", "Clinician " + request.clinicianId() + " is not known");
        }
        boolean exists = !em.createQuery("SELECT p FROM Pin p WHERE p.activityId = :a AND p.clinicianId = :c", Pin.class)
                .setParameter("a", request.activityId()).setParameter("c", request.clinicianId())
                .getResultList().isEmpty();
        if (exists) {
            throw ProblemException.conflict("clinicianId", "This clinician is already pinned to this activity");
        }
        Pin pin = new Pin();
        pin.id = UUID.randomUUID();
        pin.activityId = activity.id;
        pin.clinicianId = request.clinicianId();
        pin.reason = request.reason();
        pin.createdAt = Instant.now();
        em.persist(pin);
        events.windowDirty(PlanningWindow.containing(activity.department, activity.start, config.zone()), "pin added");
        return pin;
    }

    public void delete(UUID id) {
        Pin pin = em.find(Pin.class, id);
        if (pin == null) {
            throw ProblemException.notFound("Pin", id);
        }
        em.remove(pin);
        KnownActivity activity = em.find(KnownActivity.class, pin.activityId);
        if (activity != null) {
            events.windowDirty(PlanningWindow.containing(activity.department, activity.start, config.zone()),
                    "pin removed");
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Pin> list(UUID activityId) {
        return activityId == null ? em.createQuery("SELECT p FROM Pin p ORDER BY p.createdAt", Pin.class).getResultList()
                : em.createQuery("SELECT p FROM Pin p WHERE p.activityId = :a ORDER BY p.createdAt", Pin.class)
                        .setParameter("a", activityId).getResultList();
    }
}
