package cn.anju.household;

import org.springframework.modulith.NamedInterface;

/** A member's relationship to the head of the household. */
@NamedInterface("api")
public enum Relationship {
    HEAD, SPOUSE, CHILD, PARENT, SIBLING, GRANDCHILD, OTHER
}
