/**
 * Lots, levels, spots and tariffs; operator administration; prices for a window.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Lots")
package org.openparking.api.lots;
