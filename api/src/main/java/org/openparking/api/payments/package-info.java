/**
 * Payments and refunds through a provider port. The shipped provider is a simulator that approves, declines, is slow
 * or times out as configured.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Payments")
package org.openparking.api.payments;
