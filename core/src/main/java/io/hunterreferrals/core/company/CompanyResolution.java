package io.hunterreferrals.core.company;

import java.util.Objects;

/** A company found or created by {@link CompanyDirectory#findOrCreate}. */
public record CompanyResolution(CompanyId id, boolean created) {

    public CompanyResolution {
        Objects.requireNonNull(id, "id");
    }
}
