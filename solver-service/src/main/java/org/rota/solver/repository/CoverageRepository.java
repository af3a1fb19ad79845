package org.rota.solver.repository;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;

/** The activities of each planning window last judged at risk, with their risk. */
@ApplicationScoped
@Transactional(TxType.MANDATORY)
public class CoverageRepository {

    private final EntityManager em;

    CoverageRepository(EntityManager em) {
        this.em = em;
    }

    /** Activity id to risk; empty for a window never judged or with nothing at risk. */
    public Map<UUID, String> atRisk(String windowId) {
        Map<UUID, String> risks = new HashMap<>();
        em.createNativeQuery("SELECT activity_id, risk FROM window_coverage_risk WHERE window_id = :window",
                Object[].class).setParameter("window", windowId).getResultList()
                .forEach(row -> risks.put((UUID) ((Object[]) row)[0], (String) ((Object[]) row)[1]));
        return risks;
    }

    public void replace(String windowId, Map<UUID, String> risks) {
        em.createNativeQuery("DELETE FROM window_coverage_risk WHERE window_id = :window")
                .setParameter("window", windowId).executeUpdate();
        risks.forEach((activity, risk) -> em.createNativeQuery(
                "INSERT INTO window_coverage_risk (window_id, activity_id, risk) VALUES (:window, :activity, :risk)")
                .setParameter("window", windowId).setParameter("activity", activity).setParameter("risk", risk)
                .executeUpdate());
    }
}
