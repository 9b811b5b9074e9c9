// The simulator: CPU cores, a multi-level feedback ready queue, devices, mailboxes and the event loop.
const { EventQueue, Fifo } = require('./events');
const { State } = require('./tasks');

const LEVELS = 4;

class Device {
    constructor(name) {
        this.name = name;
        this.busyUntil = 0;
        this.served = 0;
    }
}

class Mailbox {
    constructor(name) {
        this.name = name;
        this.queue = new Fifo();
        this.waiter = null;
        this.delivered = 0;
    }
}

class Simulator {
    constructor(cores, quantum) {
        this.cores = cores;
        this.quantum = quantum;
        this.busy = 0;
        this.now = 0;
        this.events = new EventQueue();
        this.ready = Array.from({ length: LEVELS }, () => new Fifo());
        this.tasks = [];
        this.finished = [];
        this.switches = 0;
        this.nextPacketId = 0;
        this.handlers = {
            arrive: (e) => { this.tasks.push(e.task); e.task.arrival = this.now; this.advance(e.task); },
            slice: (e) => this.endSlice(e.task, e.data),
            wake: (e) => this.advance(e.task),
            hook: (e) => e.data(this),
        };
    }

    at(time, kind, task, data) {
        this.events.push(time, kind, task, data);
    }

    makeReady(task) {
        task.state = State.READY;
        this.ready[task.priority].push(task);
    }

    takeReady() {
        for (const level of this.ready) if (level.length > 0) return level.shift();
        return null;
    }

    dispatch() {
        while (this.busy < this.cores) {
            const task = this.takeReady();
            if (!task) return;
            task.state = State.RUNNING;
            this.busy++;
            this.switches++;
            const slice = Math.min(task.cpuLeft, this.quantum);
            this.at(this.now + slice, 'slice', task, slice);
        }
    }

    endSlice(task, slice) {
        this.busy--;
        task.cpuLeft -= slice;
        task.cpuUsed += slice;
        if (task.cpuLeft > 0) {
            task.priority = Math.min(task.priority + 1, LEVELS - 1);
            this.makeReady(task);
        } else {
            this.advance(task);
        }
    }

    // Run the task's plan until it needs the CPU, blocks, or exits.
    advance(task) {
        for (;;) {
            const action = task.plan(this);
            switch (action.op) {
                case 'cpu':
                    task.cpuLeft = action.ticks;
                    this.makeReady(task);
                    return;
                case 'io': {
                    const dev = action.device;
                    const start = Math.max(this.now, dev.busyUntil);
                    dev.busyUntil = start + action.ticks;
                    dev.served++;
                    task.state = State.BLOCKED;
                    task.priority = task.basePriority;
                    this.at(dev.busyUntil, 'wake', task);
                    return;
                }
                case 'send':
                    this.send(action.mailbox, action.packet);
                    break;
                case 'recv': {
                    const box = action.mailbox;
                    if (box.queue.length > 0) {
                        task.inbox = box.queue.shift();
                        break;
                    }
                    box.waiter = task;
                    task.state = State.BLOCKED;
                    return;
                }
                case 'exit':
                    task.state = State.DONE;
                    task.finished = this.now;
                    this.finished.push(task);
                    return;
                default:
                    throw new Error(`unknown op ${action.op}`);
            }
        }
    }

    send(box, packet) {
        box.delivered++;
        if (box.waiter) {
            const task = box.waiter;
            box.waiter = null;
            task.inbox = packet;
            this.at(this.now, 'wake', task);
        } else {
            box.queue.push(packet);
        }
    }

    run() {
        while (this.events.size > 0) {
            const e = this.events.pop();
            this.now = e.time;
            this.handlers[e.kind](e);
            this.dispatch();
        }
    }
}

module.exports = { Simulator, Device, Mailbox };
