package dev.jnas.ops.standard;

import dev.jnas.api.Operation;
import dev.jnas.api.testing.OperationContract;
import org.junit.jupiter.api.Nested;

/** Runs the platform's {@link OperationContract} on each of the ten operations. */
class StandardOperationsContractTest {

    @Nested
    class None extends OperationContract {
        @Override
        protected Operation operation() {
            return new ZeroOperation();
        }
    }

    @Nested
    class MaxPool3x3 extends OperationContract {
        @Override
        protected Operation operation() {
            return new MaxPoolOperation();
        }
    }

    @Nested
    class AvgPool3x3 extends OperationContract {
        @Override
        protected Operation operation() {
            return new AvgPoolOperation();
        }
    }

    @Nested
    class SkipConnect extends OperationContract {
        @Override
        protected Operation operation() {
            return new SkipConnectOperation();
        }
    }

    @Nested
    class SepConv3x3 extends OperationContract {
        @Override
        protected Operation operation() {
            return new SepConv3x3Operation();
        }
    }

    @Nested
    class SepConv5x5 extends OperationContract {
        @Override
        protected Operation operation() {
            return new SepConv5x5Operation();
        }
    }

    @Nested
    class DilConv3x3 extends OperationContract {
        @Override
        protected Operation operation() {
            return new DilConv3x3Operation();
        }
    }

    @Nested
    class DilConv5x5 extends OperationContract {
        @Override
        protected Operation operation() {
            return new DilConv5x5Operation();
        }
    }

    @Nested
    class NorConv1x1 extends OperationContract {
        @Override
        protected Operation operation() {
            return new NorConv1x1Operation();
        }
    }

    @Nested
    class NorConv3x3 extends OperationContract {
        @Override
        protected Operation operation() {
            return new NorConv3x3Operation();
        }
    }
}
