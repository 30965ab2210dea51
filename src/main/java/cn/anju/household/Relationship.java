package cn.anju.household;

/** A member's relationship to the head of the household. */
public enum Relationship {
    HEAD, SPOUSE, CHILD, PARENT, SIBLING, GRANDCHILD, OTHER
}
