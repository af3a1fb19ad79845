package org.rota.credential.service;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import org.rota.credential.domain.Procedure;
import org.rota.credential.mapping.CredentialMapper;
import org.rota.credential.outbox.CredentialEvents;
import org.rota.credential.repository.ProcedureRepository;
import org.rota.platform.problem.ProblemException;
import org.rota.platform.web.ExpectedVersion;

@ApplicationScoped
@Transactional
public class ProcedureService {

    private final ProcedureRepository procedures;
    private final CredentialEvents events;

    ProcedureService(ProcedureRepository procedures, CredentialEvents events) {
        this.procedures = procedures;
        this.events = events;
    }

    public Procedure create(@Valid ProcedureRequest request) {
        procedures.findByCode(request.code()).ifPresent(existing -> {
            throw ProblemException.conflict("code", "Procedure " + request.code() + " already exists");
        });
        return created(request);
    }

    /** Creates or updates the procedure with this code; an identical upsert changes nothing. */
    public Procedure upsert(@NotNull @Valid ProcedureRequest request) {
        Optional<Procedure> existing = procedures.findByCode(request.code());
        if (existing.isEmpty()) {
            return created(request);
        }
        Procedure procedure = existing.get();
        if (!CredentialMapper.changes(request, procedure)) {
            return procedure;
        }
        CredentialMapper.apply(request, procedure);
        return saved(procedure);
    }

    public Procedure update(String code, @Valid ProcedureRequest request, ExpectedVersion expected) {
        if (!code.equals(request.code())) {
            throw ProblemException.badRequest("code", "A procedure's code cannot change (path " + code + ", body "
                    + request.code() + ")");
        }
        Procedure procedure = get(code);
        expected.check("Procedure " + code, procedure.version);
        CredentialMapper.apply(request, procedure);
        return saved(procedure);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Procedure get(String code) {
        return procedures.findByCode(code).orElseThrow(() -> ProblemException.notFound("Procedure", code));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Procedure> find(String code) {
        return procedures.findByCode(code);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Procedure> list(Boolean active) {
        return procedures.list(active);
    }

    private Procedure created(ProcedureRequest request) {
        Procedure procedure = new Procedure();
        procedure.id = UUID.randomUUID();
        procedure.code = request.code();
        procedure.active = true;
        procedure.createdAt = Instant.now();
        CredentialMapper.apply(request, procedure);
        return saved(procedure);
    }

    private Procedure saved(Procedure procedure) {
        procedure.updatedAt = Instant.now();
        procedures.persistAndFlush(procedure);
        events.procedureChanged(procedure);
        return procedure;
    }
}
