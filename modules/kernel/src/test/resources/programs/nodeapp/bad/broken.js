const ok = 1;
let y = ;
