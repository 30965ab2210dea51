package cn.anju.disclosure;

import java.util.List;

/**
 * Drafts the public items of one kind of record from the records that are final. Sources read other modules only
 * through their public interfaces; the drafting job asks each source and keeps one item per record.
 */
interface DisclosureSource {

    /** The kind of item this source drafts. */
    DisclosureType type();

    List<DisclosureDraft> drafts();
}
