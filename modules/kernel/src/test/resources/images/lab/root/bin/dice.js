console.log(`dice ${Math.floor(Math.random() * 1e6)} ${Math.floor(Math.random() * 1e6)} now=${Date.now()} perf=${performance.now()} date=${new Date().toISOString()}`);
