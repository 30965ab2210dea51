package cn.anju.shared;

/**
 * Who is acting, as the audit log records it: implemented by the signed-in principal so that modules below
 * identity (audit itself) can name the actor without depending on identity.
 */
public interface Actor {

    Long actorId();

    String actorName();

    Long actorOrganisationId();

    /** The region (district or city code) of the actor's organisation; null for operators and third parties. */
    String actorRegionCode();
}
