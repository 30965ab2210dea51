package cn.anju.inspection;

import cn.anju.shared.state.State;

/**
 * A patrol task's states: PENDING → DONE when the inspector records it, PENDING → MISSED when its deadline passes
 * undone (the daily job). Both ends are final: a task is recorded once.
 */
enum PatrolTaskState implements State<PatrolTaskState> {
    PENDING("待巡查"), DONE("已完成"), MISSED("已错过（超过完成期限）");

    private final String label;

    PatrolTaskState(String label) {
        this.label = label;
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public boolean canBecome(PatrolTaskState next) {
        return this == PENDING && next != PENDING;
    }
}
