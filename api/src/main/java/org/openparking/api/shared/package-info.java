/**
 * Shared kernel: identifiers, money, GraphQL conventions (user errors, connections, scalars) and idempotent mutations.
 * Every module may use it; it depends on no other module.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.openparking.api.shared;
