package org.storeline.core.register;

import org.storeline.core.error.ErrorCode;
import org.storeline.core.error.StorelineException;

/** A register is either closed or open; it alternates, starting closed. */
public enum RegisterStatus {
    CLOSED,
    OPEN;

    public enum Event {
        OPEN,
        CLOSE
    }

    /** The transition table: opening an open register or closing a closed one is refused. */
    public RegisterStatus on(Event event) {
        return switch (this) {
            case CLOSED ->
                switch (event) {
                    case OPEN -> OPEN;
                    case CLOSE ->
                        throw new StorelineException(
                                ErrorCode.REGISTER_CLOSED, "The register is not open, so it cannot be closed.");
                };
            case OPEN ->
                switch (event) {
                    case OPEN ->
                        throw new StorelineException(
                                ErrorCode.REGISTER_ALREADY_OPEN,
                                "The register is already open; close it before opening it again.");
                    case CLOSE -> CLOSED;
                };
        };
    }

    /** Neither state is terminal: a register is opened and closed for as long as it exists. */
    public boolean isTerminal() {
        return false;
    }
}
