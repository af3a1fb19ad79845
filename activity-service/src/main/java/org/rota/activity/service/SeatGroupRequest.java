package org.rota.activity.service;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.rota.events.CredentialLevel;
import org.rota.events.SeatGroup;

/** One group of an activity's seats as a client writes it; omitted {@code optional} means required. */
public record SeatGroupRequest(
        @NotNull CredentialLevel minimumLevel,
        @NotNull @Min(1) @Max(ActivityRequest.MAX_REQUIRED_CLINICIANS) Integer count,
        Boolean optional) {

    public SeatGroup toSeatGroup() {
        return new SeatGroup(minimumLevel, count, Boolean.TRUE.equals(optional));
    }
}
