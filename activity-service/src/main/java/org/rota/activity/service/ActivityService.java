package org.rota.activity.service;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;

import org.rota.activity.client.CredentialReferences;
import org.rota.activity.domain.Activity;
import org.rota.activity.mapping.ActivityMapper;
import org.rota.activity.outbox.ActivityEvents;
import org.rota.activity.repository.ActivityRepository;
import org.rota.events.ActivityStatus;
import org.rota.platform.problem.Problem.FieldError;
import org.rota.platform.problem.ProblemException;
import org.rota.platform.web.ExpectedVersion;
import org.rota.platform.web.Page;
import org.rota.platform.web.PageRequest;

/**
 * Activities: single writes, bulk import and upserts share one validation. A procedure code is checked against
 * credential-service before anything is written, so a refused or unanswerable check leaves nothing behind.
 */
@ApplicationScoped
@Transactional
public class ActivityService {

    public static final int MAX_BATCH = 5_000;
    /** Longer than any real session or on-call shift; beyond it the times are almost surely a typing error. */
    static final Duration MAX_DURATION = Duration.ofDays(7);
    private static final int LOOKUP_CHUNK = 1_000;

    private final ActivityRepository activities;
    private final ActivityEvents events;
    private final CredentialReferences references;
    private final Validator validator;

    ActivityService(ActivityRepository activities, ActivityEvents events, CredentialReferences references,
            Validator validator) {
        this.activities = activities;
        this.events = events;
        this.references = references;
        this.validator = validator;
    }

    public Activity create(@NotNull @Valid ActivityRequest request) {
        requireWellFormedTimes(request, "");
        requireCoherentSeats(request);
        references.requireProcedure(request.procedureCode(), "procedureCode");
        requireUnusedExternalId(request.externalId(), null);
        Activity activity = new Activity();
        activity.id = UUID.randomUUID();
        activity.status = ActivityStatus.SCHEDULED;
        activity.createdAt = Instant.now();
        ActivityMapper.apply(request, activity);
        return saved(activity);
    }

    public Activity update(UUID id, @NotNull @Valid ActivityRequest request, ExpectedVersion expected) {
        requireWellFormedTimes(request, "");
        requireCoherentSeats(request);
        Activity activity = get(id);
        expected.check("Activity " + id, activity.version);
        if (!Objects.equals(activity.procedureCode, request.procedureCode())) {
            references.requireProcedure(request.procedureCode(), "procedureCode");
        }
        requireUnusedExternalId(request.externalId(), id);
        ActivityMapper.apply(request, activity);
        return saved(activity);
    }

    /** Cancelled activities stay known (other systems refer to them) and are no longer staffed. Idempotent. */
    public Activity cancel(UUID id, ExpectedVersion expected) {
        Activity activity = get(id);
        expected.check("Activity " + id, activity.version);
        if (activity.status == ActivityStatus.CANCELLED) {
            return activity;
        }
        activity.status = ActivityStatus.CANCELLED;
        return saved(activity);
    }

    /** Creates or updates by externalId, as a scheduling system's upsert; an identical upsert changes nothing. */
    public Activity upsert(@NotNull @Valid ActivityRequest request) {
        requireWellFormedTimes(request, "");
        requireCoherentSeats(request);
        Optional<Activity> existing = activities.findByExternalId(request.externalId());
        if (existing.isEmpty()) {
            return create(request);
        }
        Activity activity = existing.get();
        if (!ActivityMapper.changes(request, activity)) {
            return activity;
        }
        if (!Objects.equals(activity.procedureCode, request.procedureCode())) {
            references.requireProcedure(request.procedureCode(), "procedureCode");
        }
        ActivityMapper.apply(request, activity);
        return saved(activity);
    }

    /**
     * Imports many activities at once, all or nothing, matched by externalId: new ones are created, changed ones
     * updated, identical ones left alone, so importing the same batch again changes nothing.
     */
    public ActivityBatchResult importBatch(ActivityBatchRequest batch) {
        List<ActivityRequest> items = batch == null ? null : batch.items();
        requireWellFormedBatch(items);
        requireKnownProcedures(items);

        Map<String, Activity> existing = new HashMap<>();
        List<String> externalIds = items.stream().map(ActivityRequest::externalId).toList();
        for (int from = 0; from < externalIds.size(); from += LOOKUP_CHUNK) {
            activities.findByExternalIds(externalIds.subList(from, Math.min(externalIds.size(), from + LOOKUP_CHUNK)))
                    .forEach(activity -> existing.put(activity.externalId, activity));
        }

        Instant now = Instant.now();
        List<Activity> changed = new ArrayList<>();
        List<UUID> ids = new ArrayList<>(items.size());
        int created = 0;
        int updated = 0;
        for (ActivityRequest item : items) {
            Activity activity = existing.get(item.externalId());
            if (activity == null) {
                activity = new Activity();
                activity.id = UUID.randomUUID();
                activity.status = ActivityStatus.SCHEDULED;
                activity.createdAt = now;
                ActivityMapper.apply(item, activity);
                activity.updatedAt = now;
                activities.persist(activity);
                changed.add(activity);
                created++;
            } else if (ActivityMapper.changes(item, activity)) {
                ActivityMapper.apply(item, activity);
                activity.updatedAt = now;
                changed.add(activity);
                updated++;
            }
            ids.add(activity.id);
        }
        // one flush sends the inserts and updates as JDBC batches and gives every changed activity its new version
        activities.flush();
        changed.forEach(events::activityChanged);
        return new ActivityBatchResult(created, updated, items.size() - created - updated, ids);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Activity get(UUID id) {
        return activities.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Activity", id));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<Activity> search(ActivityRepository.Filter filter, PageRequest page) {
        return activities.search(filter, page);
    }

    /** Every write bumps the version, and the event carries the version the write produced. */
    private Activity saved(Activity activity) {
        activity.updatedAt = Instant.now();
        activities.persistAndFlush(activity);
        events.activityChanged(activity);
        return activity;
    }

    private void requireUnusedExternalId(String externalId, UUID owner) {
        activities.findByExternalId(externalId)
                .filter(other -> !other.id.equals(owner))
                .ifPresent(other -> {
                    throw ProblemException.conflict("externalId",
                            "Activity " + other.id + " already has externalId " + externalId);
                });
    }

    private static void requireWellFormedTimes(ActivityRequest request, String prefix) {
        String problem = timeProblem(request);
        if (problem != null) {
            throw ProblemException.badRequest(prefix + "end", problem);
        }
    }

    private static void requireCoherentSeats(ActivityRequest request) {
        List<FieldError> problems = SeatPlan.problems(request);
        if (!problems.isEmpty()) {
            throw ProblemException.badRequest(problems.get(0).field(), problems.get(0).field() + " "
                    + problems.get(0).message());
        }
    }

    private static String timeProblem(ActivityRequest request) {
        if (request.start() == null || request.end() == null) {
            return null;
        }
        if (!request.end().isAfter(request.start())) {
            return "end (" + request.end() + ") must be after start (" + request.start() + ")";
        }
        if (Duration.between(request.start(), request.end()).compareTo(MAX_DURATION) > 0) {
            return "an activity lasts at most " + MAX_DURATION.toDays() + " days";
        }
        return null;
    }

    /** Collects every field error of every item, so a client fixes its file in one round. */
    private void requireWellFormedBatch(List<ActivityRequest> items) {
        if (items == null || items.isEmpty()) {
            throw ProblemException.badRequest("items", "items must hold at least one activity");
        }
        if (items.size() > MAX_BATCH) {
            throw ProblemException.badRequest("items", "A batch holds at most " + MAX_BATCH + " activities, this one "
                    + items.size() + "; split it");
        }
        List<FieldError> errors = new ArrayList<>();
        Map<String, Integer> firstIndexOfExternalId = new HashMap<>();
        for (int i = 0; i < items.size(); i++) {
            String prefix = "items[" + i + "]";
            ActivityRequest item = items.get(i);
            if (item == null) {
                errors.add(new FieldError(prefix, "must not be null"));
                continue;
            }
            for (ConstraintViolation<ActivityRequest> violation : validator.validate(item)) {
                errors.add(new FieldError(prefix + "." + violation.getPropertyPath(), violation.getMessage()));
            }
            String timeProblem = timeProblem(item);
            if (timeProblem != null) {
                errors.add(new FieldError(prefix + ".end", timeProblem));
            }
            for (FieldError seatProblem : SeatPlan.problems(item)) {
                errors.add(new FieldError(prefix + "." + seatProblem.field(), seatProblem.message()));
            }
            if (item.externalId() != null) {
                Integer first = firstIndexOfExternalId.putIfAbsent(item.externalId(), i);
                if (first != null) {
                    errors.add(new FieldError(prefix + ".externalId",
                            "duplicates items[" + first + "].externalId " + item.externalId()));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidBatchException(400, errors.size() + " invalid field(s); nothing was imported: "
                    + summary(errors), errors);
        }
    }

    /** Asks credential-service once per distinct code, not once per item. */
    private void requireKnownProcedures(List<ActivityRequest> items) {
        List<String> codes = items.stream().map(ActivityRequest::procedureCode).filter(Objects::nonNull).distinct()
                .toList();
        Map<String, String> unusable = references.unusableProcedures(codes);
        if (unusable.isEmpty()) {
            return;
        }
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String problem = unusable.get(items.get(i).procedureCode());
            if (problem != null) {
                errors.add(new FieldError("items[" + i + "].procedureCode", problem));
            }
        }
        throw new InvalidBatchException(422, errors.size() + " item(s) name an unusable procedure; nothing was imported: "
                + summary(errors), errors);
    }

    private static String summary(List<FieldError> errors) {
        String shown = errors.stream().limit(10).map(error -> error.field() + " " + error.message())
                .collect(Collectors.joining("; "));
        return errors.size() > 10 ? shown + "; …" : shown;
    }
}
