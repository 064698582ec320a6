package cn.antifraud.core.officer;

/** What an officer account may do; each role includes the ones below it. */
public enum Role {
    OFFICER, SUPERVISOR, ADMIN;

    public String id() {
        return name().toLowerCase();
    }

    public boolean atLeast(Role other) {
        return ordinal() >= other.ordinal();
    }

    /** The role with this id, or an {@link OfficerException} naming the accepted values. */
    public static Role of(String id) {
        for (Role r : values()) {
            if (r.id().equals(id)) {
                return r;
            }
        }
        throw OfficerException.invalid("invalid_role", "角色只能是 officer、supervisor 或 admin");
    }
}
